package org.pactbridge.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.AgreementStatus;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.registry.PartnerCount;
import org.pactbridge.core.registry.PartnersAt;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.time.DateSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pactbridge partners --party KOR --at 2011-01-05}: the party's named partners in force and,
 * beside them, the counts the record gives for that time with their sources. The two are not
 * reconciled: no unnamed party is invented to make the numbers match.
 */
@Command(name = "partners", mixinStandardHelpOptions = true,
    description = "A party's named partners in force at a date, and the counts of partners the record gives then, with their sources.")
final class PartnersCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin WorldOptions world = new WorldOptions();

  @Option(names = "--party", required = true, paramLabel = "PARTY", description = "The party whose partners to list.")
  String party;

  @Option(names = "--kind", paramLabel = "KIND", description = "The kind of agreement that makes a partner: ${COMPLETION-CANDIDATES} (default: INFORMATION).")
  AgreementKind kind = AgreementKind.INFORMATION;

  @Option(names = "--json", description = "Print the partners and the counts as JSON.")
  boolean json;

  @Override
  public Integer call() {
    Registry registry = world.registry();
    Instant at = world.instant();
    PartnersAt partners = PartnersAt.of(registry, registry.requireParty(party).code(), at, kind);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(Json.partners(partners), true));
      return 0;
    }
    out.printf("Partners of %s at %s (%s agreements in force)%n", partners.party(), DateSpec.format(at), kind);
    out.printf("Named in the world: %d%n", partners.named().size());
    partners.named().forEach((partner, agreements) -> out.printf("  %-5s %s%n", partner, String.join(", ", agreements.stream()
        .map(agreement -> agreement.id() + " (since " + since(agreement, at) + ")").toList())));
    List<PartnerCount> counts = partners.counts();
    if (counts.isEmpty()) {
      out.println("The record gives no count of partners up to this date.");
    } else {
      out.println("Counts the record gives up to this date, newest first:");
      for (PartnerCount count : counts) {
        out.printf("  %-22s %-4s %s [%s]%s%n", count.date(), count.count(), count.basis(), String.join(", ", count.sources()),
            count.confidence().isEmpty() ? "" : " (" + count.confidence() + " confidence)");
      }
    }
    out.println("The counts are the record's; partners it does not name are not invented to match them.");
    return 0;
  }

  private static String since(Agreement agreement, Instant at) {
    AgreementStatus status = agreement.statusAt(at);
    TimelineEvent event = agreement.timeline().eventAt(status.since());
    String date = event == null ? DateSpec.format(status.since()).substring(0, 10) : event.date();
    return status.assumed() ? date + ", assumed" : date;
  }
}
