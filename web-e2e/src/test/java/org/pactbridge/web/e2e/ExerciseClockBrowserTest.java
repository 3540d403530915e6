package org.pactbridge.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pactbridge.service.ExerciseClock;

/**
 * Issue 20 part 5 in real headless Chromium: a node on an exercise clock ({@code serve --clock 2015-06-01})
 * shows a banner naming it on every page, the sign-in page included, with the node's exercise "now";
 * a node on the real clock shows none. The banner passes axe-core.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExerciseClockBrowserTest {
  private static final List<String> PAGES = List.of("network", "coverage", "items", "consents", "audit");

  private TestNode exercise;
  private TestNode plain;
  private Browser browser;

  @BeforeAll
  void start() throws Exception {
    exercise = new RealNode(ExerciseClock.startingAt(Instant.parse("2015-06-01T00:00:00Z"), Clock.systemUTC()));
    plain = new RealNode();
    browser = new Browser();
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) {
      browser.printConsole();
    }
    if (plain != null) {
      plain.close();
    }
    Browser.closeAll(browser, exercise);
  }

  @Test
  void everyPageOfAnExerciseNodeShowsTheBanner() throws Exception {
    String base = exercise.baseUrl();
    String user = new NodeApi(exercise).account("exercise-officer", "KOR", "II", List.of("originator", "node-auditor"));
    browser.open(base + "#/signin");
    browser.find("#signin-form");
    assertThat(browser.find("#clock-banner").getText()).containsIgnoringCase("Exercise clock").contains("2015-06-01");
    browser.checkAccessibility("sign-in with the exercise banner");
    browser.signIn(base, user);
    for (String page : PAGES) {
      browser.open(base + "#/" + page);
      browser.waitFor("page " + page, () -> page.equals(browser.attr("main", "data-page")));
      // after a full load too, not only after a hash change
      browser.driver().navigate().refresh();
      browser.waitFor("page " + page + " after a reload", () -> page.equals(browser.attr("main", "data-page")));
      String banner = browser.find("#clock-banner").getText();
      assertThat(banner).as(page).containsIgnoringCase("Exercise clock").contains("2015-06-01T00:");
      assertThat(browser.all("#clock-banner")).as("one banner on " + page).hasSize(1);
    }
    browser.checkAccessibility("audit page with the exercise banner");
    browser.screenshot("exercise-clock-banner");
    assertThat(browser.takeViolations()).isEmpty();
  }

  @Test
  void aNodeOnTheRealClockShowsNoBanner() {
    browser.open(plain.baseUrl() + "#/signin");
    browser.find("#signin-form");
    // the page marks the body once /health has answered: wait for that, then look
    browser.waitFor("health read", () -> "real".equals(browser.attr("body", "data-clock")));
    assertThat(browser.all("#clock-banner")).isEmpty();
  }
}
