package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.server.PartyPki;

/** {@code pactbridge pki init} and {@code pki revoke}: the files, their permissions, the names the certificates carry, the CRL. */
class PkiCommandTest {
  @TempDir Path dir;

  @Test
  void initMakesTheCaTheNodesCertificatesAndAnEmptyCrlWithPrivateKeysOwnerOnly() throws Exception {
    Path out = dir.resolve("kor");
    Cli cli = Cli.run("pki", "init", "--party", "KOR", "--out", out.toString(), "--host", "127.0.0.1", "--host", "kor.node.example");
    assertThat(cli.status()).as(cli.err()).isZero();
    assertThat(cli.out()).startsWith("made the PKI of KOR in " + out);
    for (String key : List.of(PartyPki.CA_KEY, PartyPki.TLS_KEY, PartyPki.SIGNING_KEY)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(key)))).as(key).isEqualTo("rw-------");
    }
    X509Certificate ca = PartyPki.readCertificates(out.resolve(PartyPki.CA_CERT)).get(0);
    List<X509Certificate> tls = PartyPki.readCertificates(out.resolve(PartyPki.TLS_CERT));
    List<X509Certificate> signing = PartyPki.readCertificates(out.resolve(PartyPki.SIGNING_CERT));
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(ca.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(tls).hasSize(2);
    assertThat(tls.get(1)).isEqualTo(ca);
    tls.get(0).verify(ca.getPublicKey());
    signing.get(0).verify(ca.getPublicKey());
    assertThat(sans(tls.get(0)))
        .containsExactlyInAnyOrder("urn:pactbridge:party:KOR", "127.0.0.1", "kor.node.example");
    assertThat(tls.get(0).getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    assertThat(sans(signing.get(0))).containsExactly("urn:pactbridge:party:KOR");
    assertThat(signing.get(0).getKeyUsage()[1]).as("nonRepudiation").isTrue();
    X509CRL crl = PartyPki.readCrl(out.resolve(PartyPki.CA_CRL));
    crl.verify(ca.getPublicKey());
    assertThat(crl.getRevokedCertificates()).isNull();
    // the private keys are readable back and match their certificates' algorithm
    assertThat(PartyPki.readPrivateKey(out.resolve(PartyPki.TLS_KEY)).getAlgorithm()).isEqualTo("EC");
  }

  @Test
  void defaultHostsAreLoopbackAndAnExistingCaIsNeverReplaced() throws Exception {
    Path out = dir.resolve("usa");
    assertThat(Cli.run("pki", "init", "--party", "USA", "--out", out.toString()).status()).isZero();
    X509Certificate tls = PartyPki.readCertificates(out.resolve(PartyPki.TLS_CERT)).get(0);
    assertThat(sans(tls))
        .containsExactlyInAnyOrder("urn:pactbridge:party:USA", "127.0.0.1", "localhost");
    byte[] caKey = Files.readAllBytes(out.resolve(PartyPki.CA_KEY));
    Cli again = Cli.run("pki", "init", "--party", "USA", "--out", out.toString());
    assertThat(again.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(again.err().lines()).hasSize(1);
    assertThat(again.err()).contains("a party CA is already there");
    assertThat(Files.readAllBytes(out.resolve(PartyPki.CA_KEY))).isEqualTo(caKey);
  }

  @Test
  void revokeListsTheCertificateOnTheCasCrlAndRefusesAnotherCasCertificate() throws Exception {
    Path kor = dir.resolve("kor");
    Path jpn = dir.resolve("jpn");
    assertThat(Cli.run("pki", "init", "--party", "KOR", "--out", kor.toString()).status()).isZero();
    assertThat(Cli.run("pki", "init", "--party", "JPN", "--out", jpn.toString()).status()).isZero();
    Cli revoked = Cli.run("pki", "revoke", "--ca", kor.toString(), "--cert", kor.resolve(PartyPki.TLS_CERT).toString());
    assertThat(revoked.status()).as(revoked.err()).isZero();
    assertThat(revoked.out()).contains("now lists 1 certificate(s)");
    assertThat(Cli.run("pki", "revoke", "--ca", kor.toString(), "--cert", kor.resolve(PartyPki.SIGNING_CERT).toString()).out())
        .contains("now lists 2 certificate(s)");
    X509CRL crl = PartyPki.readCrl(kor.resolve(PartyPki.CA_CRL));
    crl.verify(PartyPki.readCertificates(kor.resolve(PartyPki.CA_CERT)).get(0).getPublicKey());
    assertThat(crl.isRevoked(PartyPki.readCertificates(kor.resolve(PartyPki.TLS_CERT)).get(0))).isTrue();
    assertThat(crl.isRevoked(PartyPki.readCertificates(kor.resolve(PartyPki.SIGNING_CERT)).get(0))).isTrue();

    Cli foreign = Cli.run("pki", "revoke", "--ca", kor.toString(), "--cert", jpn.resolve(PartyPki.TLS_CERT).toString());
    assertThat(foreign.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(foreign.err()).contains("was not issued by the CA");
    Cli missing = Cli.run("pki", "revoke", "--ca", kor.toString(), "--cert", dir.resolve("nope.pem").toString());
    assertThat(missing.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(missing.err()).contains("no such file");
  }

  @Test
  void theManualPagesNameTheOptions() {
    Cli page = Cli.run("help", "pki", "init");
    assertThat(page.status()).isZero();
    assertThat(page.out()).contains("NAME", "SYNOPSIS", "--party", "--out", "--host", "EXIT STATUS");
    assertThat(Cli.run("help", "pki", "revoke").out()).contains("--ca", "--cert");
    assertThat(Cli.run("help", "serve").out()).contains("--federation-port", "--federation-tls", "--peers");
  }

  @Test
  void serveNeedsTheThreeFederationOptionsTogether() {
    Cli cli = Cli.run("serve", "--port", "0", "--federation-port", "0");
    assertThat(cli.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(cli.err()).contains("--federation-port, --federation-tls and --peers together");
  }

  private static List<String> sans(X509Certificate certificate) throws Exception {
    return certificate.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList();
  }
}
