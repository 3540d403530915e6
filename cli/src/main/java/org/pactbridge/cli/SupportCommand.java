package org.pactbridge.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.pactbridge.api.json.Json;
import org.pactbridge.api.json.LogisticsJson;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.logistics.terms.Activity;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.logistics.ExerciseContext;
import org.pactbridge.core.logistics.Location;
import org.pactbridge.core.logistics.Money;
import org.pactbridge.core.logistics.SupportDecision;
import org.pactbridge.core.logistics.SupportEngine;
import org.pactbridge.core.logistics.SupportReason;
import org.pactbridge.core.logistics.SupportRequest;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.geo.KoreaAreas;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pactbridge support}: logistics support under ACSA-style agreements. */
@Command(
    name = "support",
    mixinStandardHelpOptions = true,
    description = "Logistics support under acquisition and cross-servicing agreements.",
    subcommands = {SupportCommand.Check.class, CommandLine.HelpCommand.class})
final class SupportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code pactbridge support check}: one logistics decision, as docs/cli.md and docs/logistics.md specify. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Decide whether a party may supply another with support of a category, in an activity, at a place and date.",
        "Exit status: 0 when a decision was made (whatever it is), 2 for bad input."
      })
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin WorldOptions world = new WorldOptions();

    @Option(names = "--supplier", required = true, paramLabel = "PARTY", description = "The party that provides the support.")
    String supplier;

    @Option(names = "--receiver", required = true, paramLabel = "PARTY", description = "The party that receives it.")
    String receiver;

    @Option(names = "--category", required = true, paramLabel = "CATEGORY",
        description = "food, water, billeting, transportation, fuel, clothing, communications, medical, base-support, storage, "
            + "facilities, training, spare-parts, repair, airport-seaport, ammunition or weapons.")
    String category;

    @Option(names = "--activity", required = true, paramLabel = "ACTIVITY",
        description = "exercise, training, peacekeeping, humanitarian, disaster-relief, evacuation, contingency, surrounding-situation, "
            + "armed-attack, important-influence, survival-threatening, international-peace or routine.")
    String activity;

    @Option(names = "--agreement", paramLabel = "ID", description = "The agreement relied on (default: every logistics agreement between the two).")
    String agreement;

    @Option(names = "--location", paramLabel = "LAT,LON", description = "Where the support is given: latitude,longitude in degrees (WGS 84).")
    String location;

    @Option(names = "--quantity", paramLabel = "N", description = "How much (not negative).")
    String quantity;

    @Option(names = "--value", paramLabel = "AMOUNT", description = "Its value, with --currency.")
    String value;

    @Option(names = "--currency", paramLabel = "CODE", description = "ISO 4217 currency of --value.")
    String currency;

    @Option(names = "--exercise", paramLabel = "SERIES:EDITION",
        description = "The exercise edition the support is given in, such as ROK-JPN-SAREX:5: the activity must be exercise and the date within"
            + " the edition's dates. Shown with the decision; it changes nothing in it.")
    String exercise;

    @Option(names = "--json", description = "Print the decision as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
      Registry registry = world.registry();
      SupportRequest request = request(registry, world.instant());
      ExerciseContext context = exercise == null ? null : ExerciseContext.resolve(registry, exercise, request.activity(), request.at());
      SupportDecision decision = new SupportEngine(registry, KoreaAreas.shipped()).decide(request);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.write(LogisticsJson.supportDecision(decision, context), false));
      } else {
        printText(out, request, decision);
        if (context != null) {
          out.printf("  exercise: %s%n", context.describe());
        }
      }
      return 0;
    }

    /** Translates the flags into a request: the one place where CLI input becomes core types. */
    SupportRequest request(Registry registry, Instant at) {
      if ((value == null) != (currency == null)) {
        throw new BadInputException("--value and --currency go together");
      }
      return new SupportRequest(
          registry.requireParty(supplier).code(),
          registry.requireParty(receiver).code(),
          agreement == null ? null : AgreementId.of(agreement.strip()),
          Category.parse(category),
          Activity.parse(activity),
          location == null ? null : Location.parse(location),
          quantity == null ? null : decimal(quantity, "quantity"),
          value == null ? null : Money.of(value, currency),
          at);
    }
  }

  static BigDecimal decimal(String token, String what) {
    try {
      return new BigDecimal(token.strip());
    } catch (NumberFormatException e) {
      throw InvalidInputException.invalid("MALFORMED_NUMBER", token, "malformed " + what + " '" + token + "' (expected a decimal number)");
    }
  }

  /** The support decision object of docs/decision-json.md (shared with the node's API). */
  static ObjectNode json(SupportDecision decision) {
    return LogisticsJson.supportDecision(decision);
  }

  static void printText(PrintWriter out, SupportRequest request, SupportDecision decision) {
    out.printf("%s  %s from %s to %s in %s%s at %s%n", decision.outcome(), request.category(), request.supplier(), request.receiver(),
        request.activity(), request.location() == null ? "" : " at " + request.location(), DateSpec.format(decision.at()));
    if (!decision.agreements().isEmpty()) {
      out.printf("  %s: %s%n", decision.allowed() ? "relies on" : "examined", String.join(", ", decision.agreements().stream().map(Object::toString).toList()));
    }
    for (SupportReason reason : decision.reasons()) {
      out.printf("  %s %-22s %s%n", reason.denies() ? "x" : "i", reason.code(), reason.message());
    }
  }
}
