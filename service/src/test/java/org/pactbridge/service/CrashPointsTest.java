package org.pactbridge.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parsing of {@code PACTBRIDGE_CRASH_AT}; the halt itself is exercised by the process fault tests. */
class CrashPointsTest {
  @Test
  void unsetOrBlankArmsNothing() {
    assertThat(CrashPoints.parse(null)).isEmpty();
    assertThat(CrashPoints.parse("  ")).isEmpty();
  }

  @Test
  void namesAreCommaSeparatedAndTrimmed() {
    assertThat(CrashPoints.parse("transfer.receiver.after-commit, ledger.supplier.after-commit,,"))
        .containsExactlyInAnyOrder("transfer.receiver.after-commit", "ledger.supplier.after-commit");
  }

  @Test
  void reachingAnUnarmedPointReturns() {
    // the test JVM has no PACTBRIDGE_CRASH_AT: reaching a point must not halt it
    assertThat(CrashPoints.armed("transfer.sender.after-send")).isFalse();
    CrashPoints.reach("transfer.sender.after-send"); // a halt here would end the test run with status 86
  }
}
