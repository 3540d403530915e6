package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pactbridge audit verify} against a database whose owner truncated both the entries and the
 * signed heads: the head file beside the keys catches it (exit 1, naming the first missing entry), as
 * does another instance's head file given with {@code --head-file}; a head file that cannot be read is
 * bad input (exit 2). Real H2 file, real CLI.
 */
class AuditVerifyCommandSecurityTest {
  @TempDir Path dir;

  private String[] with(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--db";
    all[args.length + 1] = db();
    all[args.length + 2] = "--keys";
    all[args.length + 3] = dir.resolve("keys").toString();
    return all;
  }

  private String db() {
    return "jdbc:h2:file:" + dir.resolve("db").resolve("pactbridge");
  }

  @Test
  void aTruncationOfEntriesAndSignedHeadsIsCaughtByTheHeadFile() throws Exception {
    assertThat(Cli.run(with("import", "reference")).status()).isZero();
    Path content = dir.resolve("report.txt");
    Files.writeString(content, "x");
    assertThat(Cli.run(with("item", "add", "--marking", "//KOR II//REL TO USA", "--file", content.toString())).status()).isZero();
    long last;
    // The embedded database's password is generated beside the keys (H2Protection).
    String password = java.nio.file.Files.readString(dir.resolve("keys").resolve("h2.password")).strip();
    try (Connection connection = DriverManager.getConnection(db(), "sa", password); Statement statement = connection.createStatement()) {
      try (ResultSet row = statement.executeQuery("SELECT MAX(seq) FROM audit_entry")) {
        row.next();
        last = row.getLong(1);
      }
      // the owner drops what refuses it, then cuts the last commit off both tables
      statement.execute("DROP TRIGGER audit_entry_append_only");
      statement.execute("DROP TRIGGER audit_checkpoint_append_only");
      statement.execute("DELETE FROM audit_checkpoint WHERE seq = " + last);
      statement.execute("DELETE FROM audit_entry WHERE seq = " + last);
    }
    Path headFile = dir.resolve("keys").resolve("audit-head");
    Cli caught = Cli.run(with("audit", "verify"));
    assertThat(caught.status()).isEqualTo(1);
    assertThat(caught.out()).startsWith("FAILED: TRUNCATED entry " + last + ": entry " + last + " is missing: the signed head kept in " + headFile
        + " (signed at ").endsWith(") records entry " + last + " but the log ends at entry " + (last - 1) + System.lineSeparator());

    // another instance's copy, given with --head-file, catches it as well
    Path copy = dir.resolve("other-instance-audit-head");
    Files.move(headFile, copy);
    Cli withoutFile = Cli.run(with("audit", "verify"));
    assertThat(withoutFile.status()).as(withoutFile.out()).isZero();
    Cli withCopy = Cli.run(with("audit", "verify", "--head-file", copy.toString()));
    assertThat(withCopy.status()).isEqualTo(1);
    assertThat(withCopy.out()).startsWith("FAILED: TRUNCATED entry " + last + ": ").contains("kept in " + copy);

    Cli missing = Cli.run(with("audit", "verify", "--head-file", dir.resolve("nowhere").toString()));
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("pactbridge: cannot read the head file " + dir.resolve("nowhere") + System.lineSeparator());
  }
}
