package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.store.JdbcTdfKeys.Purpose;
import org.pactbridge.store.JdbcTdfKeys.TdfKey;

/**
 * The node's ZTDF keys: created once, rotated with the old KAS key still unwrapping, retired with its private
 * part erased, every step audited with kids only, private keys sealed at rest and bound to their kid. Run on H2
 * and PostgreSQL.
 */
abstract class TdfKeysContract extends AuditStoreFixture {
  JdbcTdfKeys keys() {
    return store.tdfKeys();
  }

  @Test
  void theFirstKeyOfAPurposeIsCreatedOnceAndAudited() {
    TdfKey kas = keys().ensure(Purpose.KAS, KIM, T0);
    assertThat(keys().ensure(Purpose.KAS, KIM, T0.plusSeconds(5))).isEqualTo(kas);
    assertThat(kas.kid()).matches("kas-[0-9a-f]{16}").isEqualTo(JdbcTdfKeys.kidOf(Purpose.KAS, kas.publicKey()));
    assertThat(kas.status()).isEqualTo("active");
    assertThat(((java.security.interfaces.RSAPublicKey) kas.publicKey()).getModulus().bitLength()).isEqualTo(2048);
    TdfKey assertion = keys().ensure(Purpose.ASSERTION, KIM, T0);
    assertThat(assertion.kid()).startsWith("assertion-");
    assertThat(keys().list()).extracting(TdfKey::kid).containsExactly(kas.kid(), assertion.kid());
    assertThat(kinds()).containsSubsequence("TDF_KEY_CREATED", "TDF_KEY_CREATED");
  }

  @Test
  void aRotatedKasKeyStillUnwrapsUntilItIsRetired() throws Exception {
    TdfKey first = keys().ensure(Purpose.KAS, KIM, T0);
    byte[] wrapped = wrap(first, "data key");
    TdfKey second = keys().rotate(Purpose.KAS, KIM, T0.plus(Duration.ofDays(1)));
    assertThat(second.kid()).isNotEqualTo(first.kid());
    assertThat(keys().active(Purpose.KAS)).contains(second);
    assertThat(keys().find(first.kid()).orElseThrow().status()).isEqualTo("superseded");
    assertThat(unwrap(keys().privateKey(first.kid()).orElseThrow(), wrapped)).isEqualTo("data key");

    TdfKey retired = keys().retire(first.kid(), KIM, T0.plus(Duration.ofDays(2)));
    assertThat(retired.status()).isEqualTo("retired");
    assertThat(keys().privateKey(first.kid())).isEmpty();
    assertThat(keys().find(first.kid()).orElseThrow().publicKey()).isEqualTo(first.publicKey());
    assertThat(query("SELECT COUNT(*) FROM tdf_key WHERE kid = '" + first.kid() + "' AND private_sealed IS NULL AND wrapped_key IS NULL"))
        .isEqualTo("1");
    assertThat(kinds()).containsSubsequence("TDF_KEY_CREATED", "TDF_KEY_ROTATED", "TDF_KEY_RETIRED");
    AuditEntry rotation = entry("TDF_KEY_ROTATED");
    assertThat(rotation.event().subject()).isEqualTo(second.kid());
    assertThat(rotation.event().details()).containsEntry("superseded", first.kid()).containsEntry("purpose", "kas");
  }

  @Test
  void theActiveKeyAnUnknownKeyAndARetiredKeyCannotBeRetired() {
    TdfKey active = keys().ensure(Purpose.ASSERTION, KIM, T0);
    assertThatThrownBy(() -> keys().retire(active.kid(), KIM, T0)).isInstanceOf(StoreException.class)
        .hasMessageContaining("rotate it first").extracting(e -> ((StoreException) e).code()).isEqualTo("CONFLICT");
    assertThatThrownBy(() -> keys().retire("kas-0000000000000000", KIM, T0)).extracting(e -> ((StoreException) e).code()).isEqualTo("NOT_FOUND");
    keys().rotate(Purpose.ASSERTION, KIM, T0.plusSeconds(1));
    keys().retire(active.kid(), KIM, T0.plusSeconds(2));
    int entries = store.audit().entries(1, 1000).size();
    assertThatThrownBy(() -> keys().retire(active.kid(), KIM, T0.plusSeconds(3))).extracting(e -> ((StoreException) e).code()).isEqualTo("CONFLICT");
    assertThat(store.audit().entries(1, 1000)).hasSize(entries);
  }

  @Test
  void privateKeysAreSealedAtRestSurviveAReopenAndSignAsBefore() throws Exception {
    TdfKey signer = keys().ensure(Purpose.ASSERTION, KIM, T0);
    PrivateKey before = keys().privateKey(signer.kid()).orElseThrow();
    // bytes past the modulus and the public exponent: the private exponent, which only the private key holds
    String secret = new String(before.getEncoded(), 400, 64, StandardCharsets.ISO_8859_1);
    try (Connection connection = TestDatabases.connect(config);
        PreparedStatement select = connection.prepareStatement("SELECT private_sealed, public_key FROM tdf_key WHERE kid = ?")) {
      select.setString(1, signer.kid());
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(new String(row.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(new String(row.getBytes(2), StandardCharsets.ISO_8859_1)).doesNotContain(secret);
      }
    }
    reopen();
    PrivateKey after = keys().privateKey(signer.kid()).orElseThrow();
    assertThat(after.getEncoded()).isEqualTo(before.getEncoded());
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(after);
    signature.update("label".getBytes(StandardCharsets.UTF_8));
    byte[] signed = signature.sign();
    signature.initVerify(signer.publicKey());
    signature.update("label".getBytes(StandardCharsets.UTF_8));
    assertThat(signature.verify(signed)).isTrue();
    for (AuditEntry entry : store.audit().entries(1, 1000)) {
      assertThat(new String(entry.body(), StandardCharsets.UTF_8)).doesNotContain(Base64.getEncoder().encodeToString(before.getEncoded()).substring(0, 40));
    }
  }

  @Test
  void aSealedKeyMovedToAnotherKidFailsAuthentication() {
    TdfKey kas = keys().ensure(Purpose.KAS, KIM, T0);
    TdfKey assertion = keys().ensure(Purpose.ASSERTION, KIM, T0);
    TestDatabases.sql(config, "UPDATE tdf_key SET private_sealed = (SELECT private_sealed FROM tdf_key WHERE kid = '" + kas.kid() + "'),"
        + " private_iv = (SELECT private_iv FROM tdf_key WHERE kid = '" + kas.kid() + "'),"
        + " key_iv = (SELECT key_iv FROM tdf_key WHERE kid = '" + kas.kid() + "'),"
        + " wrapped_key = (SELECT wrapped_key FROM tdf_key WHERE kid = '" + kas.kid() + "') WHERE kid = '" + assertion.kid() + "'");
    assertThatThrownBy(() -> keys().privateKey(assertion.kid())).isInstanceOf(StoreException.class)
        .hasMessageContaining(assertion.kid()).extracting(e -> ((StoreException) e).code()).isEqualTo("KEY_CORRUPT");
    assertThat(keys().privateKey(kas.kid())).isPresent();
  }

  @Test
  void theDatabaseHoldsOneActiveKeyPerPurpose() {
    TdfKey kas = keys().ensure(Purpose.KAS, KIM, T0);
    assertThatThrownBy(() -> TestDatabases.sql(config, "INSERT INTO tdf_key (kid, purpose, algorithm, public_key, created_at, active_for)"
        + " SELECT 'kas-ffffffffffffffff', purpose, algorithm, public_key, created_at, active_for FROM tdf_key WHERE kid = '" + kas.kid() + "'"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("SQL failed");
    assertThat(keys().list()).hasSize(1);
  }

  @Test
  void theKasUrlIsRecordedReplacedAndKeptAcrossAReopen() {
    assertThat(store.kasUrl()).isEmpty();
    store.recordKasUrl("https://kor.example:8443/kas");
    store.recordKasUrl("https://kor.pactbridge.example/kas");
    reopen();
    assertThat(store.kasUrl()).contains("https://kor.pactbridge.example/kas");
    assertThatThrownBy(() -> store.recordKasUrl(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  private List<String> kinds() {
    return store.audit().entries(1, 1000).stream().map(entry -> entry.event().kind()).toList();
  }

  private AuditEntry entry(String kind) {
    return store.audit().entries(1, 1000).stream().filter(e -> e.event().kind().equals(kind)).findFirst().orElseThrow();
  }

  private static byte[] wrap(TdfKey key, String text) throws Exception {
    Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
    cipher.init(Cipher.ENCRYPT_MODE, key.publicKey());
    return cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String unwrap(PrivateKey key, byte[] wrapped) throws Exception {
    Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
    cipher.init(Cipher.DECRYPT_MODE, key);
    return new String(cipher.doFinal(wrapped), StandardCharsets.UTF_8);
  }
}
