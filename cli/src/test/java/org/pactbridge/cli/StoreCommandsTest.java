package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import, export, item add/list and audit verify, end to end on a real H2 file and on PostgreSQL. */
class StoreCommandsTest {
  @TempDir Path dir;

  private String[] with(String db, String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--db";
    all[args.length + 1] = db;
    all[args.length + 2] = "--keys";
    all[args.length + 3] = dir.resolve("keys").toString();
    return all;
  }

  @Test
  void importExportItemsAndVerifyOnH2() throws Exception {
    String db = "jdbc:h2:file:" + dir.resolve("db").resolve("pactbridge");
    Cli imported = Cli.run(with(db, "import", "reference"));
    assertThat(imported.status()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("imported reference into jdbc:h2:file:").contains("agreements").contains("0 unchanged");

    Cli again = Cli.run(with(db, "import", "reference"));
    assertThat(again.out()).contains(" 0 sources, 0 parties, 0 communities, 0 agreements, 0 timeline events");

    Cli exported = Cli.run(with(db, "export", dir.resolve("world").toString()));
    assertThat(exported.status()).as(exported.err()).isZero();
    Cli fromExport = Cli.run("agreements", "--data", dir.resolve("world").toString(), "--at", "2019-09-01", "--party", "KOR");
    Cli fromReference = Cli.run("agreements", "--at", "2019-09-01", "--party", "KOR");
    assertThat(fromExport.out()).isEqualTo(fromReference.out());

    Path content = dir.resolve("report.txt");
    Files.writeString(content, "missile launch window 0400-0600", StandardCharsets.UTF_8);
    Cli added = Cli.run(with(db, "item", "add", "--originator", "KOR", "--level", "II", "--rel-to", "USA,JPN", "--topics", "dprk-missile",
        "--marking", "//KOR II//REL TO USA, JPN", "--file", content.toString()));
    assertThat(added.status()).as(added.err()).isZero();
    assertThat(added.out()).contains("registered item").contains("KOR:II REL TO USA, JPN").doesNotContain("missile launch");

    Cli fromMarking = Cli.run(with(db, "item", "add", "--marking", "SECRET//NOFORN", "--orcon", "--file", content.toString()));
    assertThat(fromMarking.status()).isEqualTo(2); // the marking has no ORCON: --orcon contradicts it
    fromMarking = Cli.run(with(db, "item", "add", "--marking", "SECRET//ORCON/NOFORN", "--file", content.toString()));
    assertThat(fromMarking.status()).as(fromMarking.err()).isZero();
    assertThat(fromMarking.out()).contains("USA:SECRET NOFORN ORCON");

    Cli titled = Cli.run(with(db, "item", "add", "--marking", "//KOR II//REL TO USA", "--title", "Sohae launch pad", "--file", content.toString()));
    assertThat(titled.status()).as(titled.err()).isZero();
    assertThat(titled.out()).contains("registered item").endsWith(", titled, signed by this node" + System.lineSeparator())
        .doesNotContain("Sohae");
    Cli badTitle = Cli.run(with(db, "item", "add", "--marking", "//KOR II", "--title", "Sohae\tpad", "--file", content.toString()));
    assertThat(badTitle.status()).isEqualTo(2);
    assertThat(badTitle.err()).isEqualTo("pactbridge: the title has a control character (U+0009) at index 5; a title is one line of text"
        + System.lineSeparator());

    Cli listed = Cli.run(with(db, "item", "list"));
    assertThat(listed.out()).contains("KOR:II").contains("dprk-missile").contains("//KOR II//REL TO USA, JPN").contains("USA:SECRET")
        .contains("SECRET//ORCON/NOFORN").contains("3 of 3 items").doesNotContain("launch window").doesNotContain("Sohae");

    Cli verified = Cli.run(with(db, "audit", "verify"));
    assertThat(verified.status()).isZero();
    assertThat(verified.out()).startsWith("OK: ");

    // The embedded database's password is generated beside the keys (H2Protection).
    String password = Files.readString(dir.resolve("keys").resolve("h2.password")).strip();
    try (Connection connection = DriverManager.getConnection(db, "sa", password); Statement statement = connection.createStatement()) {
      // The database refuses the DELETE to anyone who does not first drop its trigger, as only its owner can.
      statement.execute("DROP TRIGGER audit_entry_append_only");
      statement.execute("DELETE FROM audit_entry WHERE seq = 3");
    }
    Cli broken = Cli.run(with(db, "audit", "verify"));
    assertThat(broken.status()).isEqualTo(1);
    assertThat(broken.out()).isEqualTo("FAILED: MISSING entry 3: entry 3 is missing: entry 2 is followed by entry 4" + System.lineSeparator());
  }

  @Test
  void badInputIsExitTwoWithOneLine() throws Exception {
    String db = "jdbc:h2:file:" + dir.resolve("db").resolve("pactbridge");
    Path content = dir.resolve("c.txt");
    Files.writeString(content, "x");
    Cli unknownLevel = Cli.run(with(db, "item", "add", "--originator", "KOR", "--level", "IV", "--file", content.toString()));
    assertThat(unknownLevel.status()).isEqualTo(2);
    assertThat(unknownLevel.err()).startsWith("pactbridge: unknown level 'IV' for party KOR");
    Cli noLabel = Cli.run(with(db, "item", "add", "--file", content.toString()));
    assertThat(noLabel.status()).isEqualTo(2);
    assertThat(noLabel.err()).contains("give --marking, or --originator and --level");
    Cli contradicted = Cli.run(with(db, "item", "add", "--marking", "SECRET//NOFORN", "--rel-to", "JPN", "--file", content.toString()));
    assertThat(contradicted.status()).isEqualTo(2);
    assertThat(contradicted.err()).contains("contradicts --marking");
    Cli unreadable = Cli.run(with(db, "item", "add", "--marking", "SECRET//BOGUS CAVEAT", "--file", content.toString()));
    assertThat(unreadable.status()).isEqualTo(2);
    assertThat(unreadable.err()).startsWith("pactbridge: --marking: ");
    Files.writeString(dir.resolve("keys").resolve("master.key"), "garbage\n");
    Cli corrupt = Cli.run(with(db, "audit", "verify"));
    assertThat(corrupt.status()).isEqualTo(2);
    assertThat(corrupt.err()).isEqualTo("pactbridge: the key file " + dir.resolve("keys").resolve("master.key")
        + " is corrupt at line 1: expected 'pactbridge-master-key-v1'; restore it from backup (nothing was overwritten)" + System.lineSeparator());
  }

  @Test
  void auditVerifyTakesAPostgresUrl() throws Exception {
    String schema = "cli_" + UUID.randomUUID().toString().substring(0, 8);
    String base = "jdbc:postgresql://127.0.0.1:5432/test";
    try (Connection connection = DriverManager.getConnection(base, "postgres", null); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
    try {
      String db = base + "?currentSchema=" + schema;
      assertThat(Cli.run(with(db, "import", "reference")).status()).isZero();
      Cli verified = Cli.run(with(db, "audit", "verify"));
      assertThat(verified.status()).as(verified.err()).isZero();
      assertThat(verified.out()).startsWith("OK: ");
    } finally {
      try (Connection connection = DriverManager.getConnection(base, "postgres", null); Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }
}
