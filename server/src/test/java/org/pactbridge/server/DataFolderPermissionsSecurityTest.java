package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.party.PartyCode;

/**
 * Issue 15, finding 11: a node on an embedded H2 file keeps the database and its folders owner-only
 * (0600/0700), as the key files are, and opens the database with a generated password kept beside the
 * keys; a database made by an earlier version, without a password, still opens and is given the
 * password. Real nodes on real files, answering over HTTP.
 */
class DataFolderPermissionsSecurityTest {
  @TempDir Path dir;

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static boolean opens(String url, String password) {
    try (Connection connection = DriverManager.getConnection(url, "sa", password)) {
      return connection.isValid(2);
    } catch (SQLException refused) {
      assertThat(refused.getSQLState()).as(refused.getMessage()).isEqualTo("28000");
      return false;
    }
  }

  private static NodeServer node(String url, Path keys) {
    return NodeServer.start(ServerConfig.of(TestNode.REFERENCE, PartyCode.of("KOR"), url, keys, 0));
  }

  private static int health(NodeServer node) {
    return RawHttp.send(node.port(), "GET /health HTTP/1.1").status();
  }

  @Test
  void aNewDatabaseIsOwnerOnlyAndHasAGeneratedPassword() throws Exception {
    Path home = dir.resolve("home");
    Path keys = home.resolve("keys");
    String url = "jdbc:h2:file:" + home.resolve("store").resolve("pactbridge");
    try (NodeServer node = node(url, keys)) {
      assertThat(health(node)).isEqualTo(200);
      assertThat(mode(home)).isEqualTo("rwx------");
      assertThat(mode(home.resolve("store"))).isEqualTo("rwx------");
      assertThat(mode(home.resolve("store").resolve("pactbridge.mv.db"))).isEqualTo("rw-------");
      assertThat(mode(keys)).isEqualTo("rwx------");
      assertThat(mode(keys.resolve("h2.password"))).isEqualTo("rw-------");
      assertThat(mode(keys.resolve("master.key"))).isEqualTo("rw-------");
    }
    String password = Files.readString(keys.resolve("h2.password")).strip();
    assertThat(password).matches("[A-Za-z0-9_-]{43}");
    assertThat(opens(url, "")).as("sa without a password").isFalse();
    assertThat(opens(url, password)).isTrue();
    try (NodeServer again = node(url, keys)) {
      assertThat(health(again)).isEqualTo(200);
    }
  }

  @Test
  void aDatabaseMadeWithoutAPasswordOpensAndIsGivenOne() throws Exception {
    Path store = Files.createDirectories(dir.resolve("old").resolve("store"));
    Path keys = dir.resolve("old").resolve("keys");
    String url = "jdbc:h2:file:" + store.resolve("pactbridge");
    try (NodeServer node = node(url, keys)) {
      assertThat(health(node)).isEqualTo(200);
    }
    // Made as an earlier version left it: sa without a password, no password file, the file world-readable.
    String generated = Files.readString(keys.resolve("h2.password")).strip();
    try (Connection earlier = DriverManager.getConnection(url, "sa", generated); Statement statement = earlier.createStatement()) {
      statement.execute("ALTER USER SA SET PASSWORD ''");
      statement.execute("CREATE TABLE earlier_version (note VARCHAR(20))");
      statement.execute("INSERT INTO earlier_version VALUES ('kept')");
    }
    Files.delete(keys.resolve("h2.password"));
    Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(store.resolve("pactbridge.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(opens(url, "")).isTrue();

    try (NodeServer node = node(url, keys)) {
      assertThat(health(node)).isEqualTo(200);
    }
    String password = Files.readString(keys.resolve("h2.password")).strip();
    assertThat(password).isNotEqualTo(generated);
    assertThat(mode(keys.resolve("h2.password"))).isEqualTo("rw-------");
    assertThat(mode(store.resolve("pactbridge.mv.db"))).isEqualTo("rw-------");
    assertThat(mode(store)).as("a folder the user made is left as it is").isEqualTo("rwxr-xr-x");
    assertThat(opens(url, "")).isFalse();
    try (Connection connection = DriverManager.getConnection(url, "sa", password); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT note FROM earlier_version")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("kept");
    }
  }

  @Test
  void aDatabaseWithAPasswordOfItsOwnIsNotOpenedWithAnother() throws Exception {
    Path keys = dir.resolve("keys");
    String url = "jdbc:h2:file:" + dir.resolve("db").resolve("pactbridge");
    try (NodeServer node = node(url, keys)) {
      assertThat(health(node)).isEqualTo(200);
    }
    Path elsewhere = dir.resolve("other-keys");
    assertThatThrownBy(() -> node(url, elsewhere)).isInstanceOf(org.pactbridge.store.StoreException.class)
        .hasMessage("the H2 database jdbc:h2:file:" + dir.resolve("db").resolve("pactbridge") + " has a password but "
            + elsewhere.resolve("h2.password") + " is missing: restore the key folder it was made with");
    assertThat(elsewhere.resolve("h2.password")).doesNotExist();
  }
}
