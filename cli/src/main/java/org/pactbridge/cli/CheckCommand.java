package org.pactbridge.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pactbridge.api.json.Json;
import org.pactbridge.api.request.DecisionBody;
import org.pactbridge.api.request.RequestReader;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Effect;
import org.pactbridge.core.release.Hop;
import org.pactbridge.core.release.Reason;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.release.Route;
import org.pactbridge.core.time.DateSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pactbridge check}: one release decision, as docs/cli.md and docs/decision-json.md specify. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Decide whether an item may be released from its holder to a recipient at an instant.",
      "Exit status: 0 when a decision was made (whatever it is), 2 for bad input."
    })
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin WorldOptions world = new WorldOptions();

  @Option(names = "--originator", paramLabel = "PARTY[,PARTY]", split = ",",
      description = "The originator (several for a JOINT item; the level is in the first one's scheme).")
  List<String> originators = new ArrayList<>();

  @Option(names = "--level", paramLabel = "LEVEL", description = "The item's level in the originator's scheme (code, native name or abbreviation).")
  String level;

  @Option(names = "--to", required = true, paramLabel = "PARTY", description = "The recipient party.")
  String to;

  @Option(names = "--holder", paramLabel = "PARTY", description = "The party that holds the copy to release (default: the originator).")
  String holder;

  @Option(names = "--topics", paramLabel = "TOPIC[,TOPIC]", description = "The item's topics, comma-separated lower-case slugs.")
  String topics;

  @ArgGroup(exclusive = false)
  Releasing releasing = new Releasing();

  static final class Releasing {
    @Option(names = "--rel-to", paramLabel = "PARTY[,PARTY]", split = ",", description = "REL TO list: parties and communities.")
    List<String> relTo;

    @Option(names = "--noforn", description = "The item is NOFORN.")
    boolean noforn;
  }

  @Option(names = "--orcon", description = "The item is ORCON: every dissemination beyond the originator needs its approval.")
  boolean orcon;

  @Option(names = "--marking", paramLabel = "MARKING",
      description = "The item's marking; replaces --originator, --level, --rel-to, --noforn and --orcon (a flag that contradicts it is bad input).")
  String marking;

  @Option(names = "--consent", paramLabel = "PARTY[,PARTY]", split = ",", description = "Record that these originators consent to this release.")
  List<String> consents = new ArrayList<>();

  @Option(names = "--json", description = "Print the decision as one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    Registry registry = world.registry();
    ReleaseRequest request = request(registry);
    Decision decision = new ReleaseEngine(registry).decide(request);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(Json.decision(decision), false));
    } else {
      printText(out, request, decision);
    }
    return 0;
  }

  /** The flags as {@link RequestReader#fromOptions} reads them: the same reader as the HTTP API's decision body. */
  ReleaseRequest request(Registry registry) {
    DecisionBody options = new DecisionBody(originators, level, to, holder, topics == null ? null : List.of(topics), releasing.relTo,
        releasing.noforn ? Boolean.TRUE : null, orcon ? Boolean.TRUE : null, consents, world.at, marking);
    return RequestReader.fromOptions(registry, options, world.now());
  }

  static void printText(PrintWriter out, ReleaseRequest request, Decision decision) {
    out.printf("%s  %s held by %s -> %s at %s%n", decision.outcome(), request.level().qualified(), request.holder(), request.recipient(),
        DateSpec.format(decision.at()));
    decision.recipientLevel().ifPresent(level -> out.printf("  recipient level: %s (%s)%n", level.qualified(), level.nativeName()));
    if (!decision.agreements().isEmpty()) {
      out.printf("  relies on: %s%n", String.join(", ", decision.agreements().stream().map(Object::toString).toList()));
    }
    for (Reason reason : decision.reasons()) {
      out.printf("  %s %-28s %s%n", mark(reason.effect()), reason.code(), reason.message());
    }
    if (!decision.routes().isEmpty()) {
      out.println("  routes that would work instead:");
      int number = 1;
      for (Route route : decision.routes()) {
        out.printf("   %d. %s  consent of %s  %s%n", number++, String.join(" -> ", route.parties().stream().map(PartyCode::value).toList()),
            route.consents().isEmpty() ? "nobody" : String.join(", ", route.consents().stream().map(PartyCode::value).toList()),
            route.sanctioned() ? "[sanctioned by " + route.sanctionedBy() + "]" : "[ad hoc]");
        for (Hop hop : route.hops()) {
          out.printf("        %s -> %s  %-22s %s%s%n", hop.from(), hop.to(), hop.agreement(), hop.level().qualified(),
              hop.assumed() ? "  (assumed provision)" : "");
        }
      }
    } else if (decision.outcome() != org.pactbridge.core.release.Outcome.PERMIT) {
      out.println("  no relay route would reach the recipient");
    }
  }

  private static String mark(Effect effect) {
    return switch (effect) {
      case PERMIT -> "+";
      case INFO -> "i";
      case CONSENT -> "?";
      case DENY -> "x";
    };
  }
}
