package org.pactbridge.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.AgreementStatus;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.time.DateSpec.Precision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pactbridge agreements}: every agreement and its status at an instant. */
@Command(name = "agreements", mixinStandardHelpOptions = true, description = "List the agreements and their status at a date.")
final class AgreementsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin WorldOptions world = new WorldOptions();

  @Option(names = "--party", paramLabel = "PARTY", description = "Only agreements this party is a party to.")
  String party;

  @Option(names = "--kind", paramLabel = "KIND", description = "Only agreements of this kind: ${COMPLETION-CANDIDATES}.")
  AgreementKind kind;

  @Option(names = "--in-force", description = "Only agreements in force at the date.")
  boolean inForceOnly;

  @Option(names = "--json", description = "Print a JSON array of agreements with their timelines and provisions.")
  boolean json;

  @Override
  public Integer call() {
    Registry registry = world.registry();
    Instant at = world.instant();
    PartyCode filter = party == null ? null : registry.requireParty(party).code();
    PrintWriter out = spec.commandLine().getOut();
    ArrayNode array = Json.MAPPER.createArrayNode();
    if (!json) {
      out.printf("Agreements at %s%n", DateSpec.format(at));
      out.printf("%-26s %-12s %-16s %-21s %s%n", "ID", "KIND", "PARTIES", "STATUS", "SINCE / NOTES");
    }
    for (Agreement agreement : registry.agreements()) {
      if ((filter != null && !agreement.hasParty(filter)) || (kind != null && agreement.kind() != kind)) {
        continue;
      }
      AgreementStatus status = agreement.statusAt(at);
      if (inForceOnly && !status.inForce()) {
        continue;
      }
      if (json) {
        array.add(Json.agreement(agreement, at, true));
        continue;
      }
      StringBuilder notes = new StringBuilder();
      if (status.since() != null) {
        // the date as the record knows it: "2008 (year only)", never a modelled day
        TimelineEvent since = agreement.timeline().eventAt(status.since());
        notes.append(since != null && (since.precision() == Precision.YEAR || since.precision() == Precision.MONTH)
            ? since.date() : DateSpec.format(status.since()).substring(0, 10));
      }
      if (status.assumed()) {
        notes.append(" (assumed)");
      }
      if (status.terminationPending()) {
        notes.append("; termination takes effect ").append(DateSpec.format(status.terminationTakesEffect()));
      }
      if (status.noticeSuspended()) {
        notes.append("; termination notice suspended");
      }
      out.printf("%-26s %-12s %-16s %-21s %s%n", agreement.id(), agreement.kind(),
          String.join("-", agreement.parties().stream().map(PartyCode::value).toList()), status.display(), notes);
    }
    if (json) {
      out.println(Json.write(array, true));
    }
    return 0;
  }
}
