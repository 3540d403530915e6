package org.pactbridge.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;

/**
 * What a world's reading has gathered so far: the registry being built, and the parties read, which
 * later sections name. Sections are read in dependency order (sources, parties, communities,
 * agreements), so a look-up here sees every definition it may refer to. Not thread-safe: one per load.
 */
final class ReadContext {
  final Registry.Builder builder = Registry.builder();
  final Map<PartyCode, Party> parties = new LinkedHashMap<>();

  /** A party code that names a party defined under {@code parties}. */
  PartyCode knownParty(Yaml node) {
    PartyCode code = Fields.partyCode(node);
    if (!parties.containsKey(code)) {
      throw node.error("unknown party " + code + " (define it under 'parties')");
    }
    return code;
  }

  /** A party of the agreement being read: known, and among its {@code members}. */
  PartyCode member(Yaml node, List<PartyCode> members, String notAMember) {
    PartyCode party = knownParty(node);
    if (!members.contains(party)) {
      throw node.error(party + notAMember);
    }
    return party;
  }

  /** A level of {@code party}'s schemes, any version, by code. */
  Level level(PartyCode party, Yaml codeNode) {
    return parties.get(party).findLevelInAnyVersion(codeNode.text()).orElseThrow(
        () -> codeNode.error("unknown level '" + codeNode.text() + "' for " + party));
  }

  /** The ids of an optional {@code sources} list, each defined under {@code sources}. */
  List<String> sourceIds(Yaml node) {
    if (node == null) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (Yaml idNode : node.sequence()) {
      String id = idNode.text();
      if (!builder.hasSource(id)) {
        throw idNode.error("unknown source id '" + id + "'");
      }
      ids.add(id);
      builder.cite(id);
    }
    return ids;
  }
}
