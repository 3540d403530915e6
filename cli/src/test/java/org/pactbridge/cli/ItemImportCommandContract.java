package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pactbridge item import} end to end on a real database (H2 file or a PostgreSQL schema, by
 * subclass): the summary's exact names, idempotent re-import, bad lines with their numbers (and column for
 * JSON syntax), {@code --max-errors}, and nothing of a bad line stored. {@link ItemImportCrashTest} kills
 * a real import with SIGKILL.
 */
abstract class ItemImportCommandContract {
  static final String SECRET = "launch window 0400-0600";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  String db;

  /** The database URL for this test: a fresh H2 file or a fresh PostgreSQL schema. */
  abstract String newDatabase(Path dir) throws Exception;

  abstract void dropDatabase() throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    db = newDatabase(dir);
  }

  @AfterEach
  void tearDown() throws Exception {
    dropDatabase();
  }

  String[] with(String... args) {
    return ImportFixtures.with(db, dir.resolve("keys"), args);
  }

  @Test
  void linesAreImportedOnceAndTheSameCommandAgainSkipsThemAll() throws Exception {
    Path file = ImportFixtures.lines(dir.resolve("items.jsonl"), 230, 0);
    Cli first = Cli.run(with("item", "import", file.toString(), "--json", "--batch", "50"));
    assertThat(first.status()).as(first.err()).isZero();
    JsonNode summary = JSON.readTree(first.out());
    List<String> names = new ArrayList<>();
    for (Iterator<String> fields = summary.fieldNames(); fields.hasNext(); ) {
      names.add(fields.next());
    }
    assertThat(names).containsExactly("imported", "skipped", "seconds");
    assertThat(summary.get("imported").asLong()).isEqualTo(230);
    assertThat(summary.get("skipped").asLong()).isZero();
    assertThat(summary.get("seconds").isNumber()).isTrue();
    assertThat(first.out() + first.err()).doesNotContain(SECRET).doesNotContain("Sohae");

    Cli again = Cli.run(with("item", "import", file.toString(), "--json", "--batch", "64"));
    assertThat(again.status()).as(again.err()).isZero();
    assertThat(JSON.readTree(again.out()).get("imported").asLong()).isZero();
    assertThat(JSON.readTree(again.out()).get("skipped").asLong()).isEqualTo(230);

    assertThat(ImportFixtures.count(db, dir.resolve("keys"), "SELECT COUNT(*) FROM item")).isEqualTo(230);
    assertThat(ImportFixtures.count(db, dir.resolve("keys"), "SELECT COUNT(*) FROM item_content")).isEqualTo(230);
    assertThat(ImportFixtures.count(db, dir.resolve("keys"), "SELECT COUNT(*) FROM item_batch")).isEqualTo(5);
    Cli verified = Cli.run(with("audit", "verify"));
    assertThat(verified.status()).as(verified.err()).isZero();
    Cli listed = Cli.run(with("item", "list", "--limit", "1"));
    assertThat(listed.out()).contains("1 of 230 items");
  }

  @Test
  void badLinesAreReportedWithTheirNumbersAndNeverStored() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(ImportFixtures.lines(dir.resolve("good.jsonl"), 12, 0)));
    lines.add(3, "{\"marking\": \"//KOR II\", \"content\": \"" + Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)) + "\", }");
    lines.add(6, "{\"marking\": \"//KOR II\", \"content\": \"not base64 " + SECRET + "\"}");
    lines.add(8, "{\"marking\": \"//XXX II\", \"content\": \"YWJj\"}");
    lines.add(9, "");
    lines.add(10, "{\"marking\": \"//KOR II\", \"content\": \"YWJj\", \"title\": \"" + "x".repeat(201) + "\"}");
    lines.add(11, "{\"id\": \"not-a-uuid\", \"marking\": \"//KOR II\", \"content\": \"YWJj\"}");
    lines.add(12, "{\"marking\": \"//KOR II\", \"content\": \"YWJj\", \"secret\": 1}");
    lines.add(13, "{\"marking\": \"//KOR II\\u0000\", \"content\": \"YWJj\"}");
    Path file = dir.resolve("mixed.jsonl");
    Files.write(file, lines);

    Cli run = Cli.run(with("item", "import", file.toString(), "--max-errors", "7"));
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.err()).contains("pactbridge: line 4, column ").contains(": not valid JSON")
        .contains("pactbridge: line 7: content: not base64")
        .contains("pactbridge: line 9: marking: unknown party 'XXX'")
        .contains("pactbridge: line 11: the title has 201 characters")
        .contains("pactbridge: line 12: id: not a UUID")
        .contains("pactbridge: line 13: unknown field \"secret\"")
        .contains("pactbridge: line 14: marking: a control character")
        .doesNotContain(SECRET).doesNotContain("line 10");
    assertThat(run.out()).startsWith("imported 12 items, skipped 0 already stored, 7 bad lines, in ");
    assertThat(ImportFixtures.count(db, dir.resolve("keys"), "SELECT COUNT(*) FROM item")).isEqualTo(12);
    assertThat(ImportFixtures.count(db, dir.resolve("keys"), "SELECT COUNT(*) FROM item_content")).isEqualTo(12);
  }

  @Test
  void oneBadLineMoreThanMaxErrorsStopsAfterStoringTheGoodLinesBeforeIt() throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(ImportFixtures.lines(dir.resolve("good.jsonl"), 30, 0)));
    lines.add(10, "{\"marking\": \"//KOR II\"}");
    lines.add(20, "[1, 2]");
    Path file = dir.resolve("two-bad.jsonl");
    Files.write(file, lines);

    Cli strict = Cli.run(with("item", "import", file.toString(), "--batch", "7", "--json"));
    assertThat(strict.status()).isEqualTo(2);
    assertThat(strict.err()).contains("pactbridge: line 11: content: a base64 string is required")
        .contains("pactbridge: stopped at line 11: more than 0 bad lines (--max-errors); the good lines before it are stored")
        .doesNotContain("line 21");
    assertThat(JSON.readTree(strict.out()).get("imported").asLong()).isEqualTo(10);
    assertThat(ImportFixtures.count(db, dir.resolve("keys"), "SELECT COUNT(*) FROM item")).isEqualTo(10);

    Cli tolerant = Cli.run(with("item", "import", file.toString(), "--batch", "7", "--json", "--max-errors", "1"));
    assertThat(tolerant.status()).isEqualTo(2);
    assertThat(tolerant.err()).contains("pactbridge: line 21, column 1: not a JSON object").contains("stopped at line 21");
    assertThat(JSON.readTree(tolerant.out()).get("imported").asLong()).isEqualTo(9);
    assertThat(JSON.readTree(tolerant.out()).get("skipped").asLong()).isEqualTo(10);

    Cli enough = Cli.run(with("item", "import", file.toString(), "--json", "--max-errors", "2"));
    assertThat(enough.status()).as(enough.err()).isZero();
    assertThat(JSON.readTree(enough.out()).get("imported").asLong()).isEqualTo(11);
    assertThat(JSON.readTree(enough.out()).get("skipped").asLong()).isEqualTo(19);
    assertThat(ImportFixtures.count(db, dir.resolve("keys"), "SELECT COUNT(*) FROM item")).isEqualTo(30);
    assertThat(Cli.run(with("audit", "verify")).status()).isZero();
  }

  @Test
  void aFolderOfArchivesGoesThroughTdfImport() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("archives"));
    Path content = dir.resolve("report.txt");
    Files.writeString(content, SECRET, StandardCharsets.UTF_8);
    for (int i = 0; i < 2; i++) {
      Cli added = Cli.run(with("item", "add", "--marking", "//KOR II//REL TO USA, JPN", "--topics", "dprk-missile", "--file", content.toString(), "--json"));
      assertThat(added.status()).as(added.err()).isZero();
      String id = JSON.readTree(added.out()).get("id").asText();
      Cli exported = Cli.run(with("tdf", "export", "--item", id, "--to", "USA", "--out", folder.resolve("a" + i + ".tdf").toString(), "--kas-url",
          ImportFixtures.KAS));
      assertThat(exported.status()).as(exported.err()).isZero();
    }
    Files.writeString(folder.resolve("broken.tdf"), "not a zip");
    Files.writeString(folder.resolve("notes.txt"), "ignored: not an archive");

    Cli imported = Cli.run(with("item", "import", folder.toString(), "--party", "USA", "--kas-url", ImportFixtures.KAS, "--max-errors", "1", "--json"));
    assertThat(imported.status()).as(imported.err()).isZero();
    assertThat(imported.err()).contains("pactbridge: broken.tdf: ");
    assertThat(JSON.readTree(imported.out()).get("imported").asLong()).isEqualTo(2);
    Cli again = Cli.run(with("item", "import", folder.toString(), "--party", "USA", "--kas-url", ImportFixtures.KAS, "--max-errors", "1", "--json"));
    assertThat(JSON.readTree(again.out()).get("imported").asLong()).isZero();
    assertThat(JSON.readTree(again.out()).get("skipped").asLong()).isEqualTo(2);
    assertThat(ImportFixtures.count(db, dir.resolve("keys"), "SELECT COUNT(*) FROM item_archive")).isEqualTo(2);
    Cli strict = Cli.run(with("item", "import", folder.toString(), "--party", "USA", "--kas-url", ImportFixtures.KAS));
    assertThat(strict.status()).isEqualTo(2);
    assertThat(strict.err()).contains("stopped at broken.tdf");
  }
}
