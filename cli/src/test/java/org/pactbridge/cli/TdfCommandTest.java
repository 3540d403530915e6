package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tdf export|inspect|import} and {@code item add --json}, end to end on a real H2 file: the exit
 * statuses (0, 2, 3, 4), what is written and where, and that no output carries the content or the title.
 */
class TdfCommandTest {
  private static final String KAS = "https://kor.example/kas";
  private static final String CONTENT = "missile launch window 0400-0600";
  private static final String TITLE = "Sohae launch pad";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private String[] with(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--db";
    all[args.length + 1] = "jdbc:h2:file:" + dir.resolve("db").resolve("pactbridge");
    all[args.length + 2] = "--keys";
    all[args.length + 3] = dir.resolve("keys").toString();
    return all;
  }

  private static void assertNoSecrets(Cli run) {
    assertThat(run.out() + run.err()).doesNotContain(CONTENT).doesNotContain(TITLE);
  }

  private String addItem(String marking) throws Exception {
    Path content = dir.resolve("report.txt");
    Files.writeString(content, CONTENT, StandardCharsets.UTF_8);
    Cli added = Cli.run(with("item", "add", "--marking", marking, "--topics", "dprk-missile", "--title", TITLE, "--file", content.toString(), "--json"));
    assertThat(added.status()).as(added.err()).isZero();
    assertNoSecrets(added);
    JsonNode json = JSON.readTree(added.out());
    assertThat(json.path("bytes").asInt()).isEqualTo(CONTENT.length());
    assertThat(json.path("titled").asBoolean()).isTrue();
    return json.path("id").asText();
  }

  @Test
  void exportInspectAndImportAnItem() throws Exception {
    String id = addItem("//KOR II//REL TO USA, JPN");
    Path archive = dir.resolve("out.tdf");
    Cli exported = Cli.run(with("tdf", "export", "--item", id, "--to", "USA", "--out", archive.toString(), "--kas-url", KAS));
    assertThat(exported.status()).as(exported.err()).isZero();
    assertThat(exported.out()).startsWith("PERMIT  item " + id + " -> USA").contains("wrote " + archive);
    assertNoSecrets(exported);
    assertThat(archive).isRegularFile();
    assertThat(new String(Files.readAllBytes(archive), StandardCharsets.ISO_8859_1)).doesNotContain(CONTENT).doesNotContain(TITLE);
    try (var files = Files.list(dir)) {
      assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
    }

    Cli inspected = Cli.run(with("tdf", "inspect", archive.toString()));
    assertThat(inspected.status()).as(inspected.err()).isZero();
    assertThat(inspected.out()).contains("ZTDF 4.3.0").contains("KOR:II REL TO").contains("for " + KAS)
        .contains("originator label: KOR").contains("alternative label: USA USA:")
        .contains("assertion pactbridge-originator-label: verified").contains("assertion pactbridge-alternative-label: verified");
    assertNoSecrets(inspected);
    Cli inspectedJson = Cli.run(with("tdf", "inspect", archive.toString(), "--json"));
    JsonNode summary = JSON.readTree(inspectedJson.out());
    assertThat(summary.path("policy").path("label").path("classification").asText()).isEqualTo("KOR:II");
    assertThat(summary.path("keyAccess").get(0).path("url").asText()).isEqualTo(KAS);
    assertThat(summary.path("labels").path("alternative").path("recipient").asText()).isEqualTo("USA");
    assertThat(summary.path("assertions")).allSatisfy(assertion -> assertThat(assertion.path("verified").asBoolean()).isTrue());

    Cli imported = Cli.run(with("tdf", "import", archive.toString(), "--party", "USA", "--kas-url", KAS));
    assertThat(imported.status()).as(imported.err()).isZero();
    assertThat(imported.out()).startsWith("imported item ").contains("KOR:II").contains("received under")
        .contains("pactbridge-originator-label verified");
    assertNoSecrets(imported);
    Cli again = Cli.run(with("tdf", "import", archive.toString(), "--party", "USA", "--kas-url", KAS));
    assertThat(again.status()).isEqualTo(2);
    assertThat(again.err()).contains("imported before");
    assertThat(Cli.run(with("item", "list")).out()).contains("2 of 2 items");
  }

  @Test
  void aRefusedExportWritesNothingAndExitsThreeWithTheReasons() throws Exception {
    String id = addItem("//KOR II//REL TO JPN");
    Path archive = dir.resolve("refused.tdf");
    Cli refused = Cli.run(with("tdf", "export", "--item", id, "--to", "USA", "--out", archive.toString(), "--kas-url", KAS));
    assertThat(refused.status()).as(refused.out() + refused.err()).isEqualTo(3);
    assertThat(refused.out()).startsWith("DENY  item " + id + " -> USA").contains("nothing written").contains("NOT_RELEASABLE_TO");
    assertThat(archive).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
    }
  }

  @Test
  void badInputExitsTwoWithAClearMessage() throws Exception {
    String id = addItem("//KOR II//REL TO USA");
    Path archive = dir.resolve("x.tdf");
    Cli unknownParty = Cli.run(with("tdf", "export", "--item", id, "--to", "XXX", "--out", archive.toString(), "--kas-url", KAS));
    assertThat(unknownParty.status()).isEqualTo(2);
    assertThat(unknownParty.err()).contains("XXX");
    Cli unknownItem = Cli.run(with("tdf", "export", "--item", "0b7e0c5e-0000-4000-8000-000000000000", "--to", "USA", "--out", archive.toString(),
        "--kas-url", KAS));
    assertThat(unknownItem.status()).isEqualTo(2);
    assertThat(unknownItem.err()).contains("no item '0b7e0c5e-0000-4000-8000-000000000000'");
    Cli noFolder = Cli.run(with("tdf", "export", "--item", id, "--to", "USA", "--out", dir.resolve("nowhere/x.tdf").toString()));
    assertThat(noFolder.status()).isEqualTo(2);
    assertThat(noFolder.err()).contains("does not exist");
    Cli noKas = Cli.run(with("tdf", "export", "--item", id, "--to", "USA", "--out", archive.toString()));
    assertThat(noKas.status()).isEqualTo(2);
    assertThat(noKas.err()).contains("KAS URL");
    assertThat(archive).doesNotExist();
    Cli missing = Cli.run(with("tdf", "inspect", dir.resolve("missing.tdf").toString()));
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
  }

  @Test
  void anArchiveThatFailsACheckExitsFourNamingThePart() throws Exception {
    String id = addItem("//KOR II//REL TO USA");
    Path archive = dir.resolve("good.tdf");
    assertThat(Cli.run(with("tdf", "export", "--item", id, "--to", "USA", "--out", archive.toString(), "--kas-url", KAS)).status()).isZero();

    byte[] bytes = Files.readAllBytes(archive);
    bytes[100] ^= 0x01; // inside the only segment of 0.payload, the archive's first entry
    Path flipped = dir.resolve("flipped.tdf");
    Files.write(flipped, bytes);
    Cli importFlipped = Cli.run(with("tdf", "import", flipped.toString(), "--party", "USA", "--kas-url", KAS));
    assertThat(importFlipped.status()).isEqualTo(4);
    assertThat(importFlipped.err()).startsWith("pactbridge: SEGMENT_INTEGRITY (segment 0)");
    assertThat(Cli.run(with("item", "list")).out()).contains("1 of 1 items");

    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    Path stranger = dir.resolve("stranger.pem");
    Files.writeString(stranger, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n");
    Cli wrongSigner = Cli.run(with("tdf", "inspect", archive.toString(), "--signer-key", stranger.toString()));
    assertThat(wrongSigner.status()).isEqualTo(4);
    assertThat(wrongSigner.out()).contains("NOT VERIFIED (ASSERTION_BINDING)");
    assertThat(wrongSigner.err()).startsWith("pactbridge: ASSERTION_BINDING (assertion pactbridge-originator-label)");

    Path truncated = dir.resolve("truncated.tdf");
    Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(archive), 200));
    Cli corrupt = Cli.run(with("tdf", "inspect", truncated.toString()));
    assertThat(corrupt.status()).isEqualTo(4);
    assertThat(corrupt.err()).startsWith("pactbridge: ZIP_CORRUPT");
  }

  @Test
  void theManualPageNamesTheExitStatuses() {
    Cli page = Cli.run("help", "tdf", "export");
    assertThat(page.status()).isZero();
    assertThat(page.out()).contains("pactbridge tdf export").contains("3   the decision was DENY or CONSENT_REQUIRED");
    assertThat(Cli.run("help", "tdf").out()).contains("inspect").contains("import");
  }

  @Test
  void anExportedArchiveOpensThroughTheNodesOwnKeyAccessService() throws Exception {
    String id = addItem("//KOR II//REL TO USA");
    // serve records the node's KAS URL at start; without a running node, the test records it as serve would
    try (org.pactbridge.store.Store store = org.pactbridge.store.Store.open(org.pactbridge.store.StoreConfig.of(
        "jdbc:h2:file:" + dir.resolve("db").resolve("pactbridge"), dir.resolve("keys")))) {
      store.recordKasUrl(KAS);
    }
    Path archive = dir.resolve("for-usa.tdf");
    Cli exported = Cli.run(with("tdf", "export", "--item", id, "--to", "USA", "--out", archive.toString()));
    assertThat(exported.status()).as(exported.err()).isZero();
    Path plain = dir.resolve("plain.txt");
    Cli decrypted = Cli.run(with("tdf", "decrypt", archive.toString(), "--out", plain.toString(), "--party", "KOR"));
    assertThat(decrypted.status()).as(decrypted.out() + decrypted.err()).isZero();
    assertThat(Files.readString(plain)).isEqualTo(CONTENT);
    assertNoSecrets(decrypted);
  }
}
