package org.pactbridge.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.agreement.EquivalenceTable;
import org.pactbridge.core.agreement.GeneralTerms;
import org.pactbridge.core.agreement.InformationProvisions;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;

/** An INFORMATION agreement's {@code equivalence:} table in the world format. */
final class EquivalenceSection extends ProvisionsSection {
  static final EquivalenceSection INSTANCE = new EquivalenceSection();

  private EquivalenceSection() {
    super("equivalence", "only an INFORMATION agreement has an equivalence table");
  }

  @Override
  Provisions read(GeneralTerms general, Yaml node, List<PartyCode> members, ReadContext context) {
    return new InformationProvisions(general, node == null ? Optional.empty() : Optional.of(table(node, members, context)));
  }

  private static EquivalenceTable table(Yaml node, List<PartyCode> members, ReadContext context) {
    Map<String, Yaml> fields = node.requireOnly(Set.of("rows", "assumed", "sources", "note"));
    List<Map<PartyCode, List<Level>>> rows = new ArrayList<>();
    Set<Level> seen = new LinkedHashSet<>();
    for (Yaml rowNode : Fields.required(node, fields, "rows").sequence()) {
      Map<PartyCode, List<Level>> row = new LinkedHashMap<>();
      for (Map.Entry<String, Yaml> cell : rowNode.mapping().entrySet()) {
        PartyCode party;
        try {
          party = PartyCode.parse(cell.getKey());
        } catch (InvalidInputException e) {
          throw cell.getValue().error("'" + cell.getKey() + "' is not a party code");
        }
        if (!members.contains(party)) {
          throw cell.getValue().error(party + " is not a party to this agreement");
        }
        List<Yaml> codes = cell.getValue().isSequence() ? cell.getValue().sequence() : List.of(cell.getValue());
        List<Level> levels = new ArrayList<>();
        for (Yaml codeNode : codes) {
          Level level = context.level(party, codeNode);
          if (!seen.add(level)) {
            throw codeNode.error("level " + level + " appears in two rows");
          }
          levels.add(level);
        }
        row.put(party, levels);
      }
      rows.add(row);
    }
    return new EquivalenceTable(rows, Fields.flag(fields, "assumed"), context.sourceIds(fields.get("sources")),
        Fields.optionalText(fields, "note"));
  }

  @Override
  void write(StringBuilder out, String indent, Provisions provisions) {
    EquivalenceTable table = ((InformationProvisions) provisions).equivalence().orElse(null);
    if (table == null) {
      return;
    }
    out.append(indent).append("equivalence:\n");
    if (table.assumed()) {
      out.append(indent).append("  assumed: true\n");
    }
    WorldWriter.list(out, indent + "  ", "sources", table.sources());
    if (!table.note().isEmpty()) {
      out.append(indent).append("  note: ").append(WorldWriter.quote(table.note())).append('\n');
    }
    out.append(indent).append("  rows:\n");
    for (Map<PartyCode, List<Level>> row : table.rows()) {
      List<String> cells = new ArrayList<>();
      for (Map.Entry<PartyCode, List<Level>> cell : new TreeMap<>(row).entrySet()) {
        cells.add(cell.getKey().value() + ": " + WorldWriter.inline(cell.getValue().stream().map(Level::code).toList()));
      }
      out.append(indent).append("    - {").append(String.join(", ", cells)).append("}\n");
    }
  }
}
