package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.user.Role;
import org.pactbridge.service.NodeKeyring;
import org.pactbridge.tdf.KasKey;
import org.pactbridge.tdf.PolicyLabel;
import org.pactbridge.tdf.RewrapToken;
import org.pactbridge.tdf.TdfArchive;
import org.pactbridge.tdf.TdfForm;
import org.pactbridge.tdf.TdfPolicy;

/**
 * The key access service over real HTTP on a real node (KOR, reference world, the node's own clock):
 * a rewrap that the engine permits opens the archive; each refusal has its code (the decision's reasons,
 * the format's checks, the token's checks); a rotated key still opens until it is retired; every rewrap
 * is audited without content. Run on H2 and PostgreSQL by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
abstract class KasApiContract {
  private final TestNode node;
  private final String korOriginator;
  private final String usaAnalyst;
  private final String usaConfidential;
  private final String jpnAnalyst;
  private final Path dir;
  private int rewraps;

  KasApiContract(TestNode.Db db) {
    node = TestNode.start(db);
    korOriginator = node.user("kor-originator", "KOR", "I", Role.ORIGINATOR);
    usaAnalyst = node.user("usa-analyst", "USA", "SECRET", Role.ANALYST);
    usaConfidential = node.user("usa-confidential", "USA", "CONFIDENTIAL", Role.ANALYST);
    jpnAnalyst = node.user("jpn-analyst", "JPN", "KIMITSU", Role.ANALYST);
    try {
      dir = Files.createTempDirectory("kas-test");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  void stop() {
    node.close();
  }

  private String register(String marking, String content) {
    TestNode.Response created = node.post("/api/v1/items", korOriginator,
        "{\"marking\":\"" + marking + "\",\"topics\":[\"dprk-missile\"],\"content\":\"" + content + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private TdfArchive archive(KasKey kas, PolicyLabel label, List<String> dissem, String item) {
    return TdfArchive.open(KasFixtures.archive(dir, kas, label, dissem, item, "launch-site coordinates", TdfForm.V4_3_0));
  }

  private TestNode.Response rewrap(String token, String body) {
    rewraps++;
    return node.post("/kas/v1/rewrap", token, body);
  }

  private static void refused(TestNode.Response response, int status, String code) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.code()).isEqualTo(code);
    assertThat(response.json().get("reasons")).extracting(JsonNode::asText).contains(code);
    assertThat(response.body()).doesNotContain("launch-site").doesNotContain("entityWrappedKey");
  }

  @Test
  void thePublicKeyNamesTheNodesKasUrlAndARewrapTheEnginePermitsOpensTheArchive() {
    JsonNode key = node.get("/kas/v1/public-key", null).json();
    assertThat(key.get("alg").asText()).isEqualTo("rsa:2048");
    assertThat(key.get("url").asText()).isEqualTo("http://127.0.0.1:" + node.server.port() + "/kas");
    assertThat(key.get("publicKey").asText()).startsWith("-----BEGIN PUBLIC KEY-----");

    String item = register("//KOR II//REL TO USA", "launch-site coordinates");
    TdfArchive archive = archive(KasFixtures.kasKey(node), KasFixtures.korLabel("II", Releasability.relTo(List.of("USA"))), List.of(), item);
    TestNode.Response answer = rewrap(usaAnalyst, KasFixtures.rewrapBody(archive, Instant.now()));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("outcome").asText()).isEqualTo("PERMIT");
    assertThat(answer.json().get("kid").asText()).isEqualTo(key.get("kid").asText());
    assertThat(answer.json().get("item").asText()).isEqualTo(item);
    assertThat(answer.json().get("reasons")).extracting(JsonNode::asText).contains("AGREEMENT_IN_FORCE");
    assertThat(KasFixtures.decrypt(archive, answer.json())).isEqualTo("launch-site coordinates");
  }

  @Test
  void theDecisionsReasonsAreTheRefusalsCodes() {
    String item = register("//KOR II//REL TO USA", "launch-site coordinates");
    TdfArchive relToUsa = archive(KasFixtures.kasKey(node), KasFixtures.korLabel("II", Releasability.relTo(List.of("USA"))), List.of(), item);
    refused(rewrap(jpnAnalyst, KasFixtures.rewrapBody(relToUsa, Instant.now())), 403, "NOT_RELEASABLE_TO");
    TestNode.Response clearance = rewrap(usaConfidential, KasFixtures.rewrapBody(relToUsa, Instant.now()));
    refused(clearance, 403, "USER_CLEARANCE");
    assertThat(clearance.json().get("outcome").asText()).isEqualTo("DENY");
    assertThat(clearance.json().path("decision").path("decision").asText()).isEqualTo("DENY");

    TdfArchive forSomeoneElse = archive(KasFixtures.kasKey(node), KasFixtures.korLabel("II", Releasability.open()), List.of("user:kim"), item);
    refused(rewrap(usaAnalyst, KasFixtures.rewrapBody(forSomeoneElse, Instant.now())), 403, "NOT_IN_DISSEM");
    TdfArchive forTheAnalyst = archive(KasFixtures.kasKey(node), KasFixtures.korLabel("II", Releasability.open()), List.of("user:usa-analyst"),
        item);
    assertThat(rewrap(usaAnalyst, KasFixtures.rewrapBody(forTheAnalyst, Instant.now())).status()).isEqualTo(200);
  }

  @Test
  void replayedExpiredForgedAndMalformedTokensAreRefused() {
    TdfArchive archive = archive(KasFixtures.kasKey(node), KasFixtures.korLabel("II", Releasability.open()), List.of(), null);
    String body = KasFixtures.rewrapBody(archive, Instant.now());
    assertThat(rewrap(usaAnalyst, body).status()).isEqualTo(200);
    refused(rewrap(usaAnalyst, body), 403, "REWRAP_TOKEN_REPLAYED");

    refused(rewrap(usaAnalyst, KasFixtures.rewrapBody(archive, Instant.now().minusSeconds(120))), 403, "REWRAP_TOKEN_EXPIRED");
    refused(rewrap(usaAnalyst, KasFixtures.rewrapBody(archive, Instant.now().plusSeconds(120))), 403, "REWRAP_TOKEN_EXPIRED");

    KeyPair other = KasFixtures.rsa();
    String forged = RewrapToken.sign(KasFixtures.keyAccessJson(archive), archive.policyBase64(), KasFixtures.CLIENT.getPublic(),
        other.getPrivate(), Instant.now());
    refused(rewrap(usaAnalyst, RewrapToken.requestBody(forged)), 403, "REWRAP_TOKEN_SIGNATURE");

    refused(rewrap(usaAnalyst, "{\"signedRequestToken\":\"a.b.c\"}"), 400, "REWRAP_TOKEN_INVALID");
    refused(rewrap(usaAnalyst, "{\"token\":1}"), 400, "REWRAP_TOKEN_INVALID");
    rewraps -= 1; // a body without a token is refused before the service: nothing to audit
    assertThat(node.post("/kas/v1/rewrap", null, body).status()).isEqualTo(401);
  }

  @Test
  void anEditedPolicyFailsItsBindingAndAnotherKasOrAnUnknownKeyIsRefused() {
    TdfArchive archive = archive(KasFixtures.kasKey(node), KasFixtures.korLabel("II", Releasability.relTo(List.of("KOR"))), List.of(), null);
    // the attacker widens REL TO KOR to an open label: a new policy text, the old binding
    TdfPolicy edited = TdfPolicy.of(KasFixtures.korLabel("II", Releasability.open()), List.of());
    String token = RewrapToken.sign(KasFixtures.keyAccessJson(archive), edited.toBase64(), KasFixtures.CLIENT.getPublic(),
        KasFixtures.CLIENT.getPrivate(), Instant.now());
    refused(rewrap(usaAnalyst, RewrapToken.requestBody(token)), 403, "POLICY_BINDING");

    KasKey real = KasFixtures.kasKey(node);
    TdfArchive elsewhere = archive(new KasKey("https://kas.usa.example/kas", real.kid(), real.publicKey()),
        KasFixtures.korLabel("II", Releasability.open()), List.of(), null);
    refused(rewrap(usaAnalyst, KasFixtures.rewrapBody(elsewhere, Instant.now())), 403, "WRONG_KAS");

    TdfArchive unknownKid = archive(new KasKey(real.url(), "kas-0000000000000000", real.publicKey()), KasFixtures.korLabel("II",
        Releasability.open()), List.of(), null);
    refused(rewrap(usaAnalyst, KasFixtures.rewrapBody(unknownKid, Instant.now())), 403, "UNKNOWN_KEY");
  }

  @Test
  void anArchiveForASupersededKeyStillOpensUntilTheKeyIsRetired() {
    KasKey before = KasFixtures.kasKey(node);
    TdfArchive archive = archive(before, KasFixtures.korLabel("II", Releasability.open()), List.of(), null);
    AuditActor operator = AuditActor.localOperator("ops");
    NodeKeyring.KeyView next = node.server.keyring().rotate(NodeKeyring.Kind.KAS, operator);
    assertThat(KasFixtures.kasKey(node).kid()).isEqualTo(next.kid()).isNotEqualTo(before.kid());
    assertThat(node.get("/kas/v1/public-key?kid=" + before.kid(), null).json().get("status").asText()).isEqualTo("superseded");

    TestNode.Response opened = rewrap(usaAnalyst, KasFixtures.rewrapBody(archive, Instant.now()));
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    assertThat(KasFixtures.decrypt(archive, opened.json())).isEqualTo("launch-site coordinates");

    node.server.keyring().retire(before.kid(), operator);
    refused(rewrap(usaAnalyst, KasFixtures.rewrapBody(archive, Instant.now())), 403, "UNKNOWN_KEY");
    assertThat(node.get("/kas/v1/public-key?kid=" + before.kid(), null).status()).isEqualTo(404);
  }

  @Test
  void everyRewrapIsAuditedWithItsOutcomeCodesAndKidButNoKeyOrContent() {
    TdfArchive archive = archive(KasFixtures.kasKey(node), KasFixtures.korLabel("II", Releasability.open()), List.of(), null);
    assertThat(rewrap(usaAnalyst, KasFixtures.rewrapBody(archive, Instant.now())).status()).isEqualTo(200);
    refused(rewrap(usaConfidential, KasFixtures.rewrapBody(archive, Instant.now())), 403, "USER_CLEARANCE");

    List<AuditEntry> entries = node.server.store().audit().entries(1, 100_000).stream()
        .filter(entry -> entry.event().kind().equals("KAS_REWRAP")).toList();
    assertThat(entries).hasSizeGreaterThanOrEqualTo(2);
    AuditEntry permit = entries.get(entries.size() - 2);
    AuditEntry deny = entries.get(entries.size() - 1);
    assertThat(permit.event().details()).containsEntry("outcome", "PERMIT").containsEntry("requester", "USA")
        .containsEntry("policy", TdfPolicy.parse(archive.policyBase64()).uuid()).containsKey("kid");
    assertThat(deny.event().details()).containsEntry("outcome", "DENY");
    assertThat(deny.event().details().get("reasons")).contains("USER_CLEARANCE");
    assertThat(deny.event().actor().userName()).isEqualTo("usa-confidential");
    String all = entries.toString();
    assertThat(all).doesNotContain("launch-site").doesNotContain(archive.keyAccess().get(0).wrappedKey())
        .doesNotContain(Base64.getEncoder().encodeToString(KasFixtures.CLIENT.getPublic().getEncoded()).substring(0, 40));
  }

  @Test
  void zzEachRewrapThisClassSentIsInTheAuditLog() {
    // runs last by name: every rewrap sent so far with a token body left exactly one KAS_REWRAP entry
    long audited = node.server.store().audit().entries(1, 100_000).stream().filter(entry -> entry.event().kind().equals("KAS_REWRAP")).count();
    assertThat(audited).isEqualTo(rewraps);
    assertThat(node.server.store().audit().verify().ok()).isTrue();
  }
}
