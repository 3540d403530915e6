package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pactbridge.server.FederationFixture.JPN;
import static org.pactbridge.server.FederationFixture.KOR;
import static org.pactbridge.server.FederationFixture.USA;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.service.NodeSignatures;
import org.pactbridge.service.ServiceException;

/**
 * {@link CertNodeSignatures} on PKIs made by {@code pki init}'s code: KOR signs, USA verifies against KOR's
 * CA from its peers file; tampering, the wrong signer, an unknown signer, a revoked signing certificate and a
 * TLS certificate used to sign are refused with the codes the port names.
 */
class NodeSignaturesTest {
  @TempDir Path dir;
  FederationFixture pkis;
  NodeSignatures kor;
  NodeSignatures usa;

  @BeforeEach
  void setUp() throws Exception {
    pkis = new FederationFixture(dir);
    pkis.writePeers(KOR, Map.of(USA, 1));
    pkis.writePeers(USA, Map.of(KOR, 1));
    kor = new CertNodeSignatures(new FederationTrust(KOR, pkis.pki(KOR), pkis.peersFile(KOR)), Clock.systemUTC());
    usa = new CertNodeSignatures(new FederationTrust(USA, pkis.pki(USA), pkis.peersFile(USA)), Clock.systemUTC());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String code(Runnable call) {
    try {
      call.run();
    } catch (ServiceException e) {
      return e.code();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void aStatementSignedByKorVerifiesAtUsaAndAtKorItself() {
    String jws = kor.sign(bytes("{\"receipt\":\"r-1\"}"));
    assertThat(jws.split("\\.")).hasSize(3);
    String header = new String(Base64.getUrlDecoder().decode(jws.split("\\.")[0]), StandardCharsets.UTF_8);
    assertThat(header).contains("\"alg\":\"ES256\"").contains("\"x5c\":[");
    assertThat(new String(usa.verify(jws, KOR), StandardCharsets.UTF_8)).isEqualTo("{\"receipt\":\"r-1\"}");
    assertThat(new String(kor.verify(jws, KOR), StandardCharsets.UTF_8)).isEqualTo("{\"receipt\":\"r-1\"}");
    assertThat(kor.party()).isEqualTo(KOR);
  }

  @Test
  void aTamperedPayloadOrSignatureIsRefused() {
    String jws = kor.sign(bytes("{\"outcome\":\"DELIVERED\"}"));
    String[] parts = jws.split("\\.");
    String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes("{\"outcome\":\"REFUSED\"}"));
    assertThat(code(() -> usa.verify(parts[0] + "." + otherPayload + "." + parts[2], KOR))).isEqualTo("SIGNATURE_INVALID");
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    signature[5] ^= 1;
    assertThat(code(() -> usa.verify(parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature), KOR)))
        .isEqualTo("SIGNATURE_INVALID");
    assertThat(code(() -> usa.verify("not.a-jws", KOR))).isEqualTo("SIGNATURE_INVALID");
  }

  @Test
  void aStatementIsCheckedAgainstTheNamedSignersCaOnly() {
    String jws = kor.sign(bytes("{}"));
    // USA's own CA did not issue KOR's signing certificate
    assertThat(code(() -> usa.verify(jws, USA))).isEqualTo("SIGNATURE_INVALID");
    // JPN is not in USA's peers file
    assertThat(code(() -> usa.verify(jws, JPN))).isEqualTo("UNKNOWN_PEER");
  }

  @Test
  void aSignerFromAnotherCaWithTheSameNameIsRefused() throws Exception {
    // a CA that calls itself KOR's, and a signing certificate from it that names KOR
    PartyPki.Ca rogue = PartyPki.newCa(KOR, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1)));
    PartyPki.Issued signing = PartyPki.issue(rogue, KOR, PartyPki.Use.SIGNING, List.of(), Instant.now().minusSeconds(60),
        Instant.now().plus(Duration.ofDays(1)));
    Path forged = dir.resolve("forged");
    java.nio.file.Files.createDirectories(forged);
    for (String name : List.of(PartyPki.TLS_CERT, PartyPki.TLS_KEY)) {
      java.nio.file.Files.copy(pkis.pki(KOR).resolve(name), forged.resolve(name));
    }
    PartyPki.writePublic(forged.resolve(PartyPki.CA_CERT), PartyPki.pem(rogue.certificate()));
    PartyPki.writePublic(forged.resolve(PartyPki.SIGNING_CERT), PartyPki.pem(signing.certificate()) + PartyPki.pem(rogue.certificate()));
    PartyPki.writePrivate(forged.resolve(PartyPki.SIGNING_KEY), PartyPki.pem("PRIVATE KEY", signing.key().getEncoded()));
    NodeSignatures impostor = new CertNodeSignatures(new FederationTrust(KOR, forged, pkis.peersFile(KOR)), Clock.systemUTC());
    assertThat(code(() -> usa.verify(impostor.sign(bytes("{}")), KOR))).isEqualTo("SIGNATURE_INVALID");
  }

  @Test
  void aRevokedSigningCertificateIsRefusedOnceTheCrlArrives() throws Exception {
    String jws = kor.sign(bytes("{}"));
    assertThat(usa.verify(jws, KOR)).isNotEmpty();
    PartyPki.revoke(pkis.pki(KOR), PartyPki.readCertificates(pkis.pki(KOR).resolve(PartyPki.SIGNING_CERT)).get(0), Instant.now());
    pkis.deliverCrl(USA, KOR);
    assertThat(code(() -> usa.verify(jws, KOR))).isEqualTo("CERTIFICATE_REVOKED");
  }

  @Test
  void theTlsCertificateCannotStandInForTheSigningOne() throws Exception {
    // a token signed with the node's TLS key and carrying its TLS certificate
    Path swapped = dir.resolve("swapped");
    java.nio.file.Files.createDirectories(swapped);
    for (String name : List.of(PartyPki.TLS_CERT, PartyPki.TLS_KEY, PartyPki.CA_CERT, PartyPki.CA_CRL)) {
      java.nio.file.Files.copy(pkis.pki(KOR).resolve(name), swapped.resolve(name));
    }
    java.nio.file.Files.copy(pkis.pki(KOR).resolve(PartyPki.TLS_CERT), swapped.resolve(PartyPki.SIGNING_CERT));
    java.nio.file.Files.copy(pkis.pki(KOR).resolve(PartyPki.TLS_KEY), swapped.resolve(PartyPki.SIGNING_KEY));
    NodeSignatures tls = new CertNodeSignatures(new FederationTrust(KOR, swapped, pkis.peersFile(KOR)), Clock.systemUTC());
    assertThat(code(() -> usa.verify(tls.sign(bytes("{}")), KOR))).isEqualTo("SIGNATURE_INVALID");
  }

  @Test
  void aSignatureFailureNamesTheSignerNeverThePayload() {
    String jws = kor.sign(bytes("{\"secret\":\"TOP-SECRET-CONTENT\"}"));
    assertThatThrownBy(() -> usa.verify(jws, USA)).isInstanceOf(ServiceException.class)
        .hasMessageContaining("USA").hasMessageNotContaining("TOP-SECRET-CONTENT");
  }
}
