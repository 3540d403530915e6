package org.pactbridge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.pactbridge.core.agreement.GeneralTerms;
import org.pactbridge.core.agreement.LogisticsProvisions;
import org.pactbridge.core.agreement.Provisions;

/** A logistics agreement's terms: the {@code logistics} column, as {@link LogisticsCodec} writes them; NULL without terms. */
final class LogisticsColumns implements KindColumns {
  static final LogisticsColumns INSTANCE = new LogisticsColumns();

  private LogisticsColumns() {}

  @Override
  public String part() {
    return "logistics terms";
  }

  @Override
  public void bind(PreparedStatement insert, Provisions provisions) throws SQLException {
    insert.setString(JdbcRegistryStore.LOGISTICS, LogisticsCodec.encode(((LogisticsProvisions) provisions).logistics().orElse(null)));
  }

  @Override
  public void bindEmpty(PreparedStatement insert) throws SQLException {
    insert.setString(JdbcRegistryStore.LOGISTICS, null);
  }

  @Override
  public Provisions read(GeneralTerms general, ResultSet row, StoredRows rows) throws SQLException {
    return new LogisticsProvisions(general, Optional.ofNullable(LogisticsCodec.decode(row.getString("logistics"))));
  }

  @Override
  public boolean holds(ResultSet row) throws SQLException {
    return row.getString("logistics") != null;
  }
}
