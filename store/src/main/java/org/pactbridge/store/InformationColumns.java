package org.pactbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.EquivalenceTable;
import org.pactbridge.core.agreement.GeneralTerms;
import org.pactbridge.core.agreement.InformationProvisions;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;

/**
 * An information agreement's equivalence table: {@code has_equivalence}, {@code eq_assumed},
 * {@code eq_sources} and {@code eq_note} on the version row, one {@code equivalence_level} row per
 * level of each cell.
 */
final class InformationColumns implements KindColumns {
  static final InformationColumns INSTANCE = new InformationColumns();

  private InformationColumns() {}

  @Override
  public String part() {
    return "an equivalence table";
  }

  @Override
  public void bind(PreparedStatement insert, Provisions provisions) throws SQLException {
    EquivalenceTable table = table(provisions);
    if (table == null) {
      bindEmpty(insert);
      return;
    }
    insert.setBoolean(JdbcRegistryStore.HAS_EQUIVALENCE, true);
    insert.setBoolean(JdbcRegistryStore.HAS_EQUIVALENCE + 1, table.assumed());
    insert.setString(JdbcRegistryStore.HAS_EQUIVALENCE + 2, Db.join(table.sources()));
    insert.setString(JdbcRegistryStore.HAS_EQUIVALENCE + 3, table.note());
  }

  @Override
  public void bindEmpty(PreparedStatement insert) throws SQLException {
    insert.setBoolean(JdbcRegistryStore.HAS_EQUIVALENCE, false);
    insert.setBoolean(JdbcRegistryStore.HAS_EQUIVALENCE + 1, false);
    insert.setString(JdbcRegistryStore.HAS_EQUIVALENCE + 2, "");
    insert.setString(JdbcRegistryStore.HAS_EQUIVALENCE + 3, "");
  }

  @Override
  public void insertDetails(Connection connection, AgreementId id, int versionNo, Provisions provisions) throws SQLException {
    EquivalenceTable table = table(provisions);
    if (table == null) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO equivalence_level (agreement_id, version_no, row_no, party, pos, level_code) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int rowNo = 0; rowNo < table.rows().size(); rowNo++) {
        for (Map.Entry<PartyCode, List<Level>> cell : table.rows().get(rowNo).entrySet()) {
          for (int pos = 0; pos < cell.getValue().size(); pos++) {
            insert.setString(1, id.value());
            insert.setInt(2, versionNo);
            insert.setInt(3, rowNo);
            insert.setString(4, cell.getKey().value());
            insert.setInt(5, pos);
            insert.setString(6, cell.getValue().get(pos).code());
            insert.addBatch();
          }
        }
      }
      insert.executeBatch();
    }
  }

  @Override
  public Provisions read(GeneralTerms general, ResultSet row, StoredRows rows) throws SQLException {
    if (!holds(row)) {
      return new InformationProvisions(general, Optional.empty());
    }
    List<Map<PartyCode, List<Level>>> tableRows = rows.of(row.getString("agreement_id"), row.getInt("version_no"));
    return new InformationProvisions(general, new EquivalenceTable(tableRows, row.getBoolean("eq_assumed"),
        Db.split(row.getString("eq_sources")), row.getString("eq_note")));
  }

  @Override
  public boolean holds(ResultSet row) throws SQLException {
    return row.getBoolean("has_equivalence");
  }

  private static EquivalenceTable table(Provisions provisions) {
    return ((InformationProvisions) provisions).equivalence().orElse(null);
  }
}
