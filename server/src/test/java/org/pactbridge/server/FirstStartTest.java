package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.party.PartyCode;

/** The first start creates the admin and shows its token once; a restart on the same database does not. */
class FirstStartTest {
  @Test
  void theAdminTokenIsShownOnceAndStoredOnlyAsAHash() throws Exception {
    String url = "jdbc:h2:mem:first-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ServerConfig config = ServerConfig.of(TestNode.REFERENCE, PartyCode.of("JPN"), url, TestNode.keyDir(), 0);
    String secret;
    try (NodeServer first = NodeServer.start(config)) {
      secret = first.firstStartAdmin().orElseThrow().secret();
      assertThat(secret).startsWith("pbt_").hasSizeGreaterThan(40);
      var admin = first.accounts().authenticate(secret).orElseThrow();
      assertThat(admin.name()).isEqualTo("admin");
      assertThat(admin.nationality().value()).isEqualTo("JPN");
      assertThat(admin.clearance().qualified()).isEqualTo("JPN:KIMITSU");
    }
    try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT * FROM pb_api_token")) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int i = 1; i <= columns; i++) {
          assertThat(String.valueOf(rows.getObject(i))).doesNotContain(secret).doesNotContain(secret.substring(4));
        }
      }
    }
    try (NodeServer second = NodeServer.start(config)) {
      assertThat(second.firstStartAdmin()).isEmpty();
      assertThat(second.accounts().users().count()).isEqualTo(1);
      assertThat(second.accounts().authenticate(secret)).isPresent();
    }
  }
}
