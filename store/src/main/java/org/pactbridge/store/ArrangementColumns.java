package org.pactbridge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.pactbridge.core.agreement.ArrangementProvisions;
import org.pactbridge.core.agreement.Channel;
import org.pactbridge.core.agreement.GeneralTerms;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.party.PartyCode;

/** An arrangement's channel: {@code hub} and {@code paths} ({@code KOR>USA>JPN}, joined), both NULL without one. */
final class ArrangementColumns implements KindColumns {
  static final ArrangementColumns INSTANCE = new ArrangementColumns();

  private ArrangementColumns() {}

  @Override
  public String part() {
    return "a channel";
  }

  @Override
  public void bind(PreparedStatement insert, Provisions provisions) throws SQLException {
    Channel channel = ((ArrangementProvisions) provisions).channel().orElse(null);
    if (channel == null) {
      bindEmpty(insert);
      return;
    }
    insert.setString(JdbcRegistryStore.HUB, channel.hub().value());
    insert.setString(JdbcRegistryStore.HUB + 1, Db.join(channel.paths().stream()
        .map(path -> String.join(">", path.stream().map(PartyCode::value).toList())).toList()));
  }

  @Override
  public void bindEmpty(PreparedStatement insert) throws SQLException {
    insert.setString(JdbcRegistryStore.HUB, null);
    insert.setString(JdbcRegistryStore.HUB + 1, null);
  }

  @Override
  public Provisions read(GeneralTerms general, ResultSet row, StoredRows rows) throws SQLException {
    if (!holds(row)) {
      return new ArrangementProvisions(general, Optional.empty());
    }
    List<List<PartyCode>> paths = new ArrayList<>();
    for (String path : Db.split(row.getString("paths"))) {
      paths.add(Arrays.stream(path.split(">")).map(PartyCode::of).toList());
    }
    return new ArrangementProvisions(general, new Channel(PartyCode.of(row.getString("hub")), paths));
  }

  @Override
  public boolean holds(ResultSet row) throws SQLException {
    return row.getString("hub") != null;
  }
}
