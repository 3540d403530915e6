package org.pactbridge.api.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.ArrangementProvisions;
import org.pactbridge.core.agreement.Channel;
import org.pactbridge.core.agreement.EquivalenceTable;
import org.pactbridge.core.agreement.InformationProvisions;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;

/**
 * The part of a provisions version's JSON that only one kind of agreement has: {@code equivalence}
 * for an information agreement, {@code channel} for an arrangement; a logistics agreement's terms are
 * served by the logistics endpoints, not here. {@link #of} is the one place that says which writer
 * belongs to which kind (docs/architecture.md, "Adding an agreement kind").
 */
@FunctionalInterface
interface ProvisionsJson {

  /** The writer of each kind. A switch over every kind: a new kind does not compile until it has one. */
  static ProvisionsJson of(AgreementKind kind) {
    return switch (kind) {
      case INFORMATION -> ProvisionsJson::equivalence;
      case ARRANGEMENT -> ProvisionsJson::channel;
      case LOGISTICS -> (node, provisions) -> { };
    };
  }

  /** Adds the kind-specific fields of {@code provisions} to {@code node}. */
  void write(ObjectNode node, Provisions provisions);

  private static void equivalence(ObjectNode node, Provisions provisions) {
    EquivalenceTable table = ((InformationProvisions) provisions).equivalence().orElse(null);
    if (table == null) {
      return;
    }
    ObjectNode tableNode = node.putObject("equivalence");
    tableNode.put("assumed", table.assumed());
    ArrayNode rows = tableNode.putArray("rows");
    for (Map<PartyCode, List<Level>> row : table.rows()) {
      ObjectNode rowNode = rows.addObject();
      row.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(cell -> {
        ArrayNode levels = rowNode.putArray(cell.getKey().value());
        cell.getValue().forEach(level -> levels.add(level.code()));
      });
    }
    ArrayNode sources = tableNode.putArray("sources");
    table.sources().forEach(sources::add);
    if (!table.note().isEmpty()) {
      tableNode.put("note", table.note());
    }
  }

  private static void channel(ObjectNode node, Provisions provisions) {
    Channel channel = ((ArrangementProvisions) provisions).channel().orElse(null);
    if (channel == null) {
      return;
    }
    ObjectNode channelNode = node.putObject("channel");
    channelNode.put("hub", channel.hub().value());
    ArrayNode paths = channelNode.putArray("paths");
    for (List<PartyCode> path : channel.paths()) {
      ArrayNode pathNode = paths.addArray();
      path.forEach(party -> pathNode.add(party.value()));
    }
  }
}
