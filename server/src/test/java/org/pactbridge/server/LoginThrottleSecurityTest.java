package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.party.PartyCode;

/**
 * Issue 15, finding 15: invalid tokens are rate-limited per client address, before they are looked
 * up, with Prometheus counters; other addresses are not held up. The node's clock is a hand-moved one,
 * so the test waits for nothing.
 */
class LoginThrottleSecurityTest {
  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static RawHttp.Answer me(TestNode node, String from, String token) {
    return RawHttp.send(node.server.port(), from, "GET /api/v1/me HTTP/1.1\r\nAuthorization: Bearer " + token, null);
  }

  private static double counter(TestNode node, String name) {
    Matcher matcher = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.E]+)$").matcher(node.get("/metrics", null).body());
    return matcher.find() ? Double.parseDouble(matcher.group(2)) : -1;
  }

  @Test
  void anAddressThatSendsTooManyInvalidTokensIsHeldOffAndOthersAreNot() {
    HandClock clock = new HandClock();
    ServerConfig config = ServerConfig.of(TestNode.REFERENCE, PartyCode.of("KOR"), "jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        TestNode.keyDir(), 0).withClock(clock).withFailedLogins(new ServerConfig.FailedLogins(3, Duration.ofMinutes(1)));
    try (TestNode node = TestNode.start(config)) {
      String admin = node.adminToken;
      for (int i = 0; i < 3; i++) {
        RawHttp.Answer refused = me(node, "127.0.0.1", "pbt_guess" + i);
        assertThat(refused.status()).isEqualTo(401);
      }
      // The fourth guess is not looked at, and while the address is held off even a good token waits.
      RawHttp.Answer throttled = me(node, "127.0.0.1", "pbt_guess3");
      assertThat(throttled.status()).isEqualTo(429);
      assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
      assertThat(throttled.body()).contains("\"code\":\"TOO_MANY_FAILED_LOGINS\"");
      assertThat(throttled.header("Retry-After")).isEqualTo("60");
      assertThat(me(node, "127.0.0.1", admin).status()).isEqualTo(429);

      // Another address (127.0.0.2 is loopback too) is not held up by this one.
      assertThat(me(node, "127.0.0.2", admin).status()).isEqualTo(200);
      assertThat(me(node, "127.0.0.2", "pbt_other-guess").status()).isEqualTo(401);

      assertThat(counter(node, "pactbridge_login_failures_total")).isEqualTo(4.0);
      assertThat(counter(node, "pactbridge_login_throttled_total")).isEqualTo(2.0);

      // A request without any token is not a failed login, and public endpoints are not throttled.
      assertThat(RawHttp.send(node.server.port(), "127.0.0.1", "GET /health HTTP/1.1", null).status()).isEqualTo(200);

      // One interval later the address may try once more.
      clock.advance(Duration.ofMinutes(1));
      assertThat(me(node, "127.0.0.1", admin).status()).isEqualTo(200);
      assertThat(me(node, "127.0.0.1", "pbt_guess4").status()).isEqualTo(401);
      assertThat(me(node, "127.0.0.1", admin).status()).isEqualTo(429);
    }
  }

  @Test
  void ipv6ClientsAreCountedPerSlash64() {
    assertThat(LoginThrottle.hostKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2");
    assertThat(LoginThrottle.hostKey("[2001:db8:1:2:0:0:0:1]")).isEqualTo("2001:db8:1:2");
    assertThat(LoginThrottle.hostKey("192.0.2.7")).isEqualTo("192.0.2.7");
  }
}
