package org.pactbridge.tdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pactbridge.tdf.TdfFixtures.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JCS canonical form, the JWS, the MAC encodings and the KAS's binding check, each on its own. */
class PrimitivesTest {
  @Test
  void canonicalJsonSortsMembersAndEscapesAsRfc8785() throws Exception {
    var node = Json.MAPPER.readTree("{\"b\":\"x\\u0001\\n</\\\"é\",\"a\":[true,null,12],\"A\":{\"z\":\"\",\"y\":\"€\"}}");
    assertThat(CanonicalJson.write(node)).isEqualTo("{\"A\":{\"y\":\"€\",\"z\":\"\"},\"a\":[true,null,12],\"b\":\"x\\u0001\\n</\\\"é\"}");
  }

  @Test
  void aJwsVerifiesWithItsKeyOnlyAndNotAfterAnyEdit() {
    ObjectNode claims = Json.MAPPER.createObjectNode().put("assertionHash", "abc");
    String token = Jws.signRs256("assert-1", ASSERTION.getPrivate(), claims);
    Jws.Verified verified = Jws.verify(token, ASSERTION.getPublic(), null);
    assertThat(verified).isNotNull();
    assertThat(verified.header().get("kid").asText()).isEqualTo("assert-1");
    assertThat(verified.claims().get("assertionHash").asText()).isEqualTo("abc");
    assertThat(Jws.verify(token, OTHER_KAS.getPublic(), null)).isNull();
    // an RS256 token is never checked as HS256, whatever key is at hand
    assertThat(Jws.verify(token, null, new byte[32])).isNull();
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + Crypto.base64Url("{\"assertionHash\":\"abd\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
        + "." + parts[2];
    assertThat(Jws.verify(forged, ASSERTION.getPublic(), null)).isNull();
  }

  @Test
  void macsAreEncodedPerFormAndReadOnlyInTheirForm() {
    byte[] mac = Crypto.hmacSha256(new byte[32], new byte[] {1});
    String raw = Crypto.encodeMac(mac, TdfForm.V4_3_0);
    String hex = Crypto.encodeMac(mac, TdfForm.LEGACY);
    assertThat(Crypto.decodeMac(raw, 32, TdfForm.V4_3_0)).isEqualTo(mac);
    assertThat(Crypto.decodeMac(hex, 32, TdfForm.LEGACY)).isEqualTo(mac);
    assertThat(Crypto.decodeMac(hex, 32, TdfForm.V4_3_0)).isNull();
    assertThat(Crypto.decodeMac(raw, 32, TdfForm.LEGACY)).isNull();
    // the same bytes with different unused bits in the last character: not canonical, refused
    String tweaked = raw.substring(0, raw.length() - 2) + (char) (raw.charAt(raw.length() - 2) ^ 1) + "=";
    assertThat(Crypto.decodeMac(tweaked, 32, TdfForm.V4_3_0)).isNull();
  }

  @Test
  void theBindingCheckTakesBothFormsAndOnlyTheRightKey() {
    byte[] share = Crypto.randomBytes(32);
    String policy = "eyJ1dWlkIjoieCJ9";
    byte[] mac = Crypto.hmacSha256(share, Crypto.utf8(policy));
    for (TdfForm form : TdfForm.values()) {
      KeyAccess object = new KeyAccess(0, "wrapped", KAS_URL, "kas", "kas-1", null, "", "HS256", Crypto.encodeMac(mac, form), null);
      assertThat(KasUnwrap.bindingHolds(share, policy, object)).isTrue();
      assertThat(KasUnwrap.bindingHolds(Crypto.randomBytes(32), policy, object)).isFalse();
      assertThat(KasUnwrap.bindingHolds(share, policy + "x", object)).isFalse();
    }
  }

  @Test
  void theKasUrlIsComparedWithoutATrailingSlash() {
    byte[] archive = write(writer(), new byte[5]);
    KasUnwrap slashed = new KasUnwrap(KAS_URL + "/", kid -> Optional.of(KAS.getPrivate()));
    try (TdfArchive tdf = open(archive)) {
      assertThat(tdf.payloadKey(slashed::unwrap)).hasSize(32);
    }
  }
}
