package org.pactbridge.tdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The rewrap token on its own, without HTTP: what verifies, what each refusal code means, and the replay
 * cache's memory. The instant is passed in; nothing here reads a clock.
 */
class RewrapTokenTest {
  private static final KeyPair CLIENT = TdfFixtures.rsa();
  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  private static final String KEY_ACCESS = "{\"type\":\"wrapped\",\"url\":\"https://kas.kor.example/kas\",\"protocol\":\"kas\","
      + "\"wrappedKey\":\"AAAA\",\"kid\":\"kas-1\",\"policyBinding\":{\"alg\":\"HS256\",\"hash\":\"AAAA\"}}";

  private static String token(Instant issued) {
    return RewrapToken.sign(KEY_ACCESS, "cG9saWN5", CLIENT.getPublic(), CLIENT.getPrivate(), issued, "jti-1");
  }

  private static TdfException.Reason refusal(String token, Instant at) {
    try {
      RewrapToken.verify(token, at);
    } catch (TdfException e) {
      assertThat(e.part()).isEqualTo("signedRequestToken");
      return e.reason();
    }
    throw new AssertionError("expected a refusal");
  }

  @Test
  void aFreshTokenSignedByTheKeyItCarriesVerifies() {
    RewrapToken.Request request = RewrapToken.verify(RewrapToken.tokenOf(RewrapToken.requestBody(token(NOW)).getBytes(StandardCharsets.UTF_8)),
        NOW.plusSeconds(59));
    assertThat(request.keyAccess().kid()).isEqualTo("kas-1");
    assertThat(request.policy()).isEqualTo("cG9saWN5");
    assertThat(request.clientPublicKey()).isEqualTo(CLIENT.getPublic());
    assertThat(request.jti()).isEqualTo("jti-1");
    byte[] share = TdfFixtures.randomBytes(32, 1);
    assertThat(RewrapToken.unwrapForClient(CLIENT.getPrivate(), RewrapToken.wrapForClient(request.clientPublicKey(), share))).isEqualTo(share);
  }

  @Test
  void aTokenSignedByAnotherKeyThanTheOneItNamesIsRefused() {
    KeyPair other = TdfFixtures.rsa();
    String forged = RewrapToken.sign(KEY_ACCESS, "cG9saWN5", CLIENT.getPublic(), other.getPrivate(), NOW, "jti-2");
    assertThat(refusal(forged, NOW)).isEqualTo(TdfException.Reason.REWRAP_TOKEN_SIGNATURE);
    String good = token(NOW);
    // change the second-to-last character of the signature (six bits of it, no padding bits) to another one
    char replaced = good.charAt(good.length() - 2);
    String flipped = good.substring(0, good.length() - 2) + (replaced == 'A' ? 'B' : 'A') + good.charAt(good.length() - 1);
    assertThat(flipped).isNotEqualTo(good);
    assertThat(refusal(flipped, NOW)).isEqualTo(TdfException.Reason.REWRAP_TOKEN_SIGNATURE);
  }

  @Test
  void aTokenOlderThanSixtySecondsOrFromTheFutureIsExpired() {
    assertThat(refusal(token(NOW), NOW.plusSeconds(61))).isEqualTo(TdfException.Reason.REWRAP_TOKEN_EXPIRED);
    assertThat(refusal(token(NOW.plusSeconds(30)), NOW)).isEqualTo(TdfException.Reason.REWRAP_TOKEN_EXPIRED);
    assertThat(RewrapToken.verify(token(NOW.plusSeconds(4)), NOW).jti()).as("within the skew").isEqualTo("jti-1");
  }

  @Test
  void malformedTokensAreInvalid() {
    assertThat(refusal("not-a-token", NOW)).isEqualTo(TdfException.Reason.REWRAP_TOKEN_INVALID);
    String[] parts = token(NOW).split("\\.");
    String noneAlg = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(refusal(noneAlg + "." + parts[1] + ".", NOW)).isEqualTo(TdfException.Reason.REWRAP_TOKEN_INVALID);
    String claims = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"jti\":\"x\",\"iat\":1}".getBytes(StandardCharsets.UTF_8));
    assertThat(refusal(parts[0] + "." + claims + "." + parts[2], NOW)).isEqualTo(TdfException.Reason.REWRAP_TOKEN_INVALID);
    assertThatThrownBy(() -> RewrapToken.tokenOf("{}".getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(TdfException.class,
        e -> assertThat(e.reason()).isEqualTo(TdfException.Reason.REWRAP_TOKEN_INVALID));
  }

  @Test
  void aReplayedIdIsRefusedForLongerThanTheTokenLivesAndTheCacheStaysBounded() {
    ReplayCache cache = new ReplayCache(2);
    cache.admit("a", NOW, NOW);
    assertThatThrownBy(() -> cache.admit("a", NOW, NOW.plusSeconds(64))).isInstanceOfSatisfying(TdfException.class,
        e -> assertThat(e.reason()).isEqualTo(TdfException.Reason.REWRAP_TOKEN_REPLAYED));
    cache.admit("b", NOW, NOW);
    assertThatThrownBy(() -> cache.admit("c", NOW, NOW.plusSeconds(1))).isInstanceOfSatisfying(TdfException.class,
        e -> assertThat(e.reason()).isEqualTo(TdfException.Reason.REWRAP_BUSY));
    cache.admit("c", NOW.plus(ReplayCache.RETENTION), NOW.plus(ReplayCache.RETENTION).plusSeconds(1));
    assertThat(cache.size()).isEqualTo(1);
  }
}
