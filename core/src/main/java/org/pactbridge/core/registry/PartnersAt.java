package org.pactbridge.core.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.party.PartyCode;

/**
 * A party's partners at an instant, as the world knows them: the named partners (each with the
 * agreements of the kind that join them in force, in registry order), and beside them the counts the
 * record gives up to that instant, newest first. The two are not reconciled: a count larger than the
 * named partners says the record knows of partners it does not name, and none is invented.
 */
public record PartnersAt(PartyCode party, Instant at, AgreementKind kind, Map<PartyCode, List<Agreement>> named, List<PartnerCount> counts) {
  public PartnersAt {
    named = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(named));
    counts = List.copyOf(counts);
  }

  /** The party's partners under agreements of {@code kind} in force at {@code at}, by partner code, and the record's counts then. */
  public static PartnersAt of(Registry registry, PartyCode party, Instant at, AgreementKind kind) {
    registry.requireParty(party);
    Map<PartyCode, List<Agreement>> named = new TreeMap<>();
    for (Agreement agreement : registry.agreements()) {
      if (agreement.kind() != kind || !agreement.hasParty(party) || !agreement.statusAt(at).inForce()) {
        continue;
      }
      for (PartyCode other : agreement.parties()) {
        if (!other.equals(party)) {
          named.computeIfAbsent(other, code -> new ArrayList<>()).add(agreement);
        }
      }
    }
    return new PartnersAt(party, at, kind, named, registry.partnerCountsOf(party, at));
  }
}
