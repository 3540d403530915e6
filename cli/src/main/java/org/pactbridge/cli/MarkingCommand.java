package org.pactbridge.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.label.Compartment;
import org.pactbridge.core.label.Control;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.label.marking.Diagnostic;
import org.pactbridge.core.label.marking.MarkingParser;
import org.pactbridge.core.label.marking.ParsedMarking;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.time.DateSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pactbridge marking}: read markings, as docs/cli.md and docs/markings.md specify. */
@Command(
    name = "marking",
    mixinStandardHelpOptions = true,
    description = "Read security markings (CAPCO-style banners and portions, Korean and Japanese native markings).",
    subcommands = {MarkingCommand.Parse.class})
final class MarkingCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code pactbridge marking parse "<marking>" [--json]}. */
  @Command(
      name = "parse",
      mixinStandardHelpOptions = true,
      description = {
        "Read one marking and print its canonical form, its label and every diagnostic.",
        "Exit status: 0 when it parses without an error (warnings allowed), 2 when it does not."
      })
  static final class Parse implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin WorldOptions world = new WorldOptions();

    @Parameters(index = "0", paramLabel = "MARKING", description = "The marking, e.g. \"SECRET//REL TO USA, JPN, KOR\" or \"(S//NF)\".")
    String marking;

    @Option(names = "--json", description = "Print one JSON object: canonical, label, diagnostics.")
    boolean json;

    @Override
    public Integer call() {
      Registry registry = world.registry();
      Instant at = world.at == null ? null : world.instant();
      ParsedMarking parsed = MarkingParser.of(registry).read(marking, at);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.write(json(parsed), false));
      } else if (parsed.hasErrors()) {
        PrintWriter err = spec.commandLine().getErr();
        for (Diagnostic diagnostic : parsed.diagnostics()) {
          err.println("pactbridge: marking: " + diagnostic + (diagnostic.suggestion() == null ? "" : " (write: " + diagnostic.suggestion() + ")"));
        }
      } else {
        printText(out, parsed);
      }
      return parsed.hasErrors() ? Main.BAD_INPUT : 0;
    }
  }

  /**
   * The JSON object of the interface contract: canonical (null on error), label (null on error), diagnostics (each with
   * severity, code, index, message, and {@code suggestion}, the whole marking corrected, where the register gives one right form).
   */
  static ObjectNode json(ParsedMarking parsed) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("canonical", parsed.canonical().orElse(null));
    if (parsed.label() == null) {
      node.putNull("label");
    } else {
      node.set("label", label(parsed.label()));
    }
    ArrayNode diagnostics = node.putArray("diagnostics");
    for (Diagnostic diagnostic : parsed.diagnostics()) {
      ObjectNode item = diagnostics.addObject();
      item.put("severity", diagnostic.severity().label());
      item.put("code", diagnostic.code());
      item.put("index", diagnostic.index());
      item.put("message", diagnostic.message());
      if (diagnostic.suggestion() != null) {
        item.put("suggestion", diagnostic.suggestion());
      }
    }
    return node;
  }

  /** The label model as JSON: the release engine's inputs first, then the marking's other parts. */
  static ObjectNode label(SecurityLabel label) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    ArrayNode originators = node.putArray("originators");
    label.originators().forEach(party -> originators.add(party.value()));
    node.put("joint", label.joint());
    node.put("level", label.level().qualified());
    node.put("noforn", label.releasability().isNoforn());
    if (label.releasability().hasRelTo()) {
      ArrayNode relTo = node.putArray("relTo");
      label.releasability().relToEntries().forEach(relTo::add);
    } else {
      node.putNull("relTo");
    }
    node.put("orcon", label.orcon());
    ArrayNode controls = node.putArray("controls");
    for (Control control : label.controls()) {
      controls.add(control.bannerForm());
    }
    ArrayNode compartments = node.putArray("compartments");
    for (Compartment compartment : label.compartments()) {
      ObjectNode item = compartments.addObject();
      item.put("kind", compartment.kind().name());
      item.put("value", compartment.value());
    }
    if (label.fgi()) {
      ArrayNode fgi = node.putArray("fgi");
      label.fgiSources().forEach(fgi::add);
    } else {
      node.putNull("fgi");
    }
    ArrayNode topics = node.putArray("topics");
    label.topics().forEach(topic -> topics.add(topic.slug()));
    node.put("declassifyOn", label.declassifyOn() == null ? null : DateSpec.format(label.declassifyOn()));
    return node;
  }

  private static void printText(PrintWriter out, ParsedMarking parsed) {
    SecurityLabel label = parsed.label();
    out.println(parsed.canonical().orElseThrow());
    out.printf("  level: %s (%s)%s%n", label.level().qualified(), label.level().nativeName(),
        label.joint() ? "  JOINT " + String.join(" ", label.originators().stream().map(PartyCode::value).toList()) : "");
    out.printf("  releasability: %s%n", label.releasability());
    if (!label.controls().isEmpty()) {
      out.printf("  controls: %s%n", String.join(", ", label.controls().stream().map(Control::bannerForm).toList()));
    }
    if (!label.compartments().isEmpty()) {
      out.printf("  compartments: %s%n", String.join(", ", label.compartments().stream().map(Compartment::accessToken).toList()));
    }
    for (Diagnostic diagnostic : parsed.diagnostics()) {
      out.println("  " + diagnostic);
    }
  }
}
