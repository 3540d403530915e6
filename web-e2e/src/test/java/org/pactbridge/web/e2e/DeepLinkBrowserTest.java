package org.pactbridge.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Deep links are a contract, because users share them: each address opens the page in the state it
 * names, and the page keeps the address up to date as the state changes. Every page and state visited
 * is also checked with axe-core: no serious or critical violation. The network graph is one Tab stop,
 * walked with the arrow keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeepLinkBrowserTest {
  private TestNode node;
  private Browser browser;
  private String base;
  private String officer;
  private String usaAnalyst;
  private String auditor;
  private String itemId;

  @BeforeAll
  void start() throws Exception {
    node = new RealNode();
    base = node.baseUrl();
    NodeApi api = new NodeApi(node);
    String originator = api.account("link-originator", "KOR", "II", List.of("originator"));
    officer = api.account("link-fdo", "KOR", "I", List.of("disclosure-officer"));
    usaAnalyst = api.account("link-usa-analyst", "USA", "TOP_SECRET", List.of("analyst"));
    auditor = api.account("link-auditor", "KOR", "II", List.of("auditor"));
    itemId = api.itemAwaitingConsent(originator, usaAnalyst, "Launch assessment", "deep link (test content)");
    browser = new Browser();
  }

  /** Each test answers for the states it visited: axe-core found no serious or critical violation in them. */
  @AfterEach
  void noSeriousViolations(TestInfo test) {
    browser.printConsole();
    assertThat(browser.takeViolations()).as("axe-core: serious or critical violations").isEmpty();
  }

  @AfterAll
  void stop() throws IOException {
    Browser.closeAll(browser, node);
  }

  @Test
  @Order(1)
  void theSignInPageHasOneTokenFieldAndASignInButton() throws IOException {
    browser.open(base + "#/signin");
    browser.find("#signin-form");
    Object visibleInputs = browser.script("return [...document.querySelectorAll('#signin-form input')].filter(i => i.offsetParent !== null).map(i => i.id)");
    assertThat(Browser.strings(visibleInputs)).containsExactly("signin-token");
    assertThat(Browser.strings(browser.script("return [...document.querySelectorAll('#signin-form button')].map(b => b.textContent)"))).containsExactly("Sign in");
    browser.checkAccessibility("sign-in");
    browser.screenshot("20-signin");
  }

  @Test
  @Order(2)
  void theNetworkOpensAtTheDateInTheAddressAndTheAddressFollowsTheDate() throws IOException {
    browser.signIn(base, usaAnalyst);
    browser.open(base + "#/network?at=2015-06-01");
    browser.waitFor("the network at 2015-06-01", () -> "2015-06-01".equals(browser.script("return document.querySelector('main').dataset.at")));
    assertThat(browser.find("#at-date").getAttribute("value")).isEqualTo("2015-06-01");
    assertThat(browser.all("#network .edge[data-pair='JPN-KOR']")).isEmpty();
    assertThat(browser.text("#network-changes")).contains("Move the date");
    browser.checkAccessibility("network 2015-06-01");

    // A later date: the Korea–Japan pact entered into force in between; it is highlighted and listed.
    browser.setDate(browser.find("#at-date"), "2017-01-05");
    browser.waitFor("the network at 2017-01-05", () -> "2017-01-05".equals(browser.script("return document.querySelector('main').dataset.at")));
    assertThat(currentHash()).isEqualTo("#/network?at=2017-01-05");
    assertThat(browser.attr("#network .edge[data-agreement='ROK-JPN-GSOMIA-2016']", "class")).contains("changed");
    assertThat(browser.attr("#network .edge[data-agreement='ROK-JPN-GSOMIA-2016']", "data-change")).isEqualTo("in force");
    assertThat(browser.text("#network-changes")).contains("Since 2015-06-01").contains("2016-11-23 ROK-JPN-GSOMIA-2016 in force");
    // Beside the drawn edges, the record's newest count of Korea's partners up to the date (2016-11-24: 32,
    // S186), next to the partners the registry names, which it does not claim to match.
    browser.waitFor("Korea's partner count at 2017-01-05",
        () -> "32".equals(browser.script("var li = document.querySelector(\"#network-partners li[data-party='KOR']\"); return li && li.dataset.recorded")));
    assertThat(browser.text("#network-partners li[data-party='KOR']")).contains("named in force").contains("the record counts 32").contains("S186");
    assertThat(Integer.parseInt(browser.attr("#network-partners li[data-party='KOR']", "data-named"))).isPositive();
    assertThat(browser.text("#network-partners")).contains("none is invented");
    browser.screenshot("21-network-changes-2015-to-2017");
    browser.checkAccessibility("network changes");

    // Later still: Korea gave notice in 2019; that is a change too.
    browser.setDate(browser.find("#at-date"), "2019-09-01");
    browser.waitFor("the network at 2019-09-01", () -> "2019-09-01".equals(browser.script("return document.querySelector('main').dataset.at")));
    assertThat(browser.attr("#network .edge[data-agreement='ROK-JPN-GSOMIA-2016']", "data-change")).isEqualTo("termination notified");
    assertThat(browser.text("#network-changes")).contains("ROK-JPN-GSOMIA-2016 termination notified");

    // The graph is one Tab stop; the arrow keys walk the edges and the parties; Enter opens an edge.
    assertThat(((Number) browser.script("return document.querySelectorAll('#network [tabindex=\"0\"]').length")).intValue()).isEqualTo(1);
    browser.script("document.getElementById('show-pending').focus()");
    new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    Object first = browser.script("return document.activeElement.dataset.agreement || null");
    assertThat(first).isNotNull();
    new Actions(browser.driver()).sendKeys(Keys.ARROW_RIGHT).perform();
    Object second = browser.script("return document.activeElement.dataset.agreement || document.activeElement.dataset.party || null");
    assertThat(second).isNotNull().isNotEqualTo(first);
    new Actions(browser.driver()).sendKeys(Keys.END).perform();
    assertThat(browser.script("return document.activeElement.dataset.party || null")).as("the parties come after the edges").isNotNull();
    new Actions(browser.driver()).sendKeys(Keys.HOME).perform();
    assertThat(browser.script("return document.activeElement.dataset.agreement")).isEqualTo(first);
    new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
    browser.waitForText("#detail-title", first.toString());
    assertThat(browser.attr("#network .edge[data-agreement='" + first + "']", "class")).contains("selected");
    assertThat(currentHash()).isEqualTo("#/network?at=2019-09-01&agreement=" + first);
    browser.screenshot("22-network-selected-by-keyboard");
    browser.checkAccessibility("network selected edge");

    // The shared address opens the same view: date and selected agreement.
    browser.open(base + "#/coverage");
    browser.open(base + "#/network?at=2019-09-01&agreement=ROK-JPN-GSOMIA-2016");
    browser.waitForText("#detail-title", "ROK-JPN-GSOMIA-2016");
    assertThat(browser.find("#at-date").getAttribute("value")).isEqualTo("2019-09-01");
  }

  @Test
  @Order(3)
  void coverageOpensWithTheDateAndTopicsOfTheAddress() throws IOException {
    browser.open(base + "#/coverage?at=2017-01-05&topics=dprk-missile");
    browser.waitFor("the 2017 heat map", () -> browser.text("#heatmap").contains("2017-01-05"));
    assertThat(browser.find("#cov-date").getAttribute("value")).isEqualTo("2017-01-05");
    assertThat(browser.find("#cov-topics").getAttribute("value")).isEqualTo("dprk-missile");
    browser.setDate(browser.find("#cov-date"), "2011-01-05");
    browser.clickable("#cov-show").click();
    browser.waitFor("the 2011 heat map", () -> browser.text("#heatmap").contains("2011-01-05"));
    assertThat(currentHash()).isEqualTo("#/coverage?at=2011-01-05&topics=dprk-missile");
    browser.screenshot("23-coverage-deep-link");
    browser.checkAccessibility("coverage");
  }

  @Test
  @Order(4)
  void anItemOpensWithTheQuestionOfTheAddress() throws IOException {
    browser.open(base + "#/items/" + itemId + "?to=JPN&at=2017-01-05");
    browser.waitForText("#decision-outcome", "CONSENT REQUIRED");
    assertThat(browser.text("#decision-sentence")).contains("may go to JPN at 2017-01-05");
    assertThat(browser.find("#item-level").getText()).isEqualTo("KOR:II 군사 Ⅱ급 비밀");
    browser.checkAccessibility("item consent required");
    // Asking again for another date keeps the address in step.
    browser.setDate(browser.find("#dec-at"), "2015-06-01");
    browser.clickable("#dec-submit").click();
    browser.waitFor("the 2015 decision", () -> browser.text("#decision-outcome").contains("at 2015-06-01"));
    assertThat(currentHash()).isEqualTo("#/items/" + itemId + "?to=JPN&at=2015-06-01");
    browser.screenshot("24-item-deep-link");
    browser.checkAccessibility("item deny");
    browser.open(base + "#/consents");
    browser.find("#consent-mine");
    // The request the analyst asked is theirs: under "My requests", not only their nation's.
    assertThat(browser.text("#mine-title")).isEqualTo("My requests (1)");
    assertThat(browser.text("#mine-table")).contains(itemId).contains("waiting");
    browser.screenshot("25-my-requests");
    browser.checkAccessibility("my requests");
    browser.signOut();
  }

  @Test
  @Order(5)
  void theConsentInboxOpensForTheOfficer() throws IOException {
    browser.signIn(base, officer);
    browser.open(base + "#/consents");
    WebElement card = browser.find("#consent-pending article.consent");
    assertThat(card.getText()).contains("Launch assessment").contains("KOR:II//REL TO USA, JPN").contains("dprk-missile")
        .contains("Now, without your answer:").contains("once KOR's disclosure officer consents");
    assertThat(browser.text("#consent-pending .consent-asked")).contains("by link-usa-analyst of USA, which holds a copy");
    browser.checkAccessibility("consent inbox");
    card.findElement(org.openqa.selenium.By.cssSelector("button.refuse")).click();
    browser.waitForText("#consent-pending .confirm-question", "Refuse the release of " + itemId + " from USA to JPN?");
    browser.checkAccessibility("consent confirm");
    browser.screenshot("26-consent-refuse-confirm");
    browser.clickable("#consent-pending .confirm-no").click();
    assertThat(browser.all("#consent-pending .confirm-question")).as("cancelled: nothing sent").isEmpty();
    assertThat(browser.text("#consent-pending")).contains("Waiting for an answer (1)");
    browser.signOut();
  }

  @Test
  @Order(6)
  void theAuditOpensWithTheFiltersOfTheAddress() throws IOException {
    browser.signIn(base, auditor);
    browser.open(base + "#/audit?kind=CONSENT_REQUESTED");
    browser.find("#audit-table");
    assertThat(Browser.strings(browser.script("return [...document.querySelectorAll('#audit-table tbody tr')].map(tr => tr.dataset.kind)")))
        .isNotEmpty().containsOnly("CONSENT_REQUESTED");
    assertThat(browser.text("#audit-table")).contains("link-usa-analyst").contains("USA");
    assertThat(browser.find("#audit-kind").getAttribute("value")).isEqualTo("CONSENT_REQUESTED");
    browser.checkAccessibility("audit filtered");
    browser.open(base + "#/audit?item=" + itemId + "&actor=link-originator");
    browser.find("#audit-table");
    assertThat(Browser.strings(browser.script("return [...document.querySelectorAll('#audit-table tbody tr')].map(tr => tr.dataset.kind)")))
        .contains("ITEM_ADDED", "RELEASED").doesNotContain("CONSENT_REQUESTED");
    browser.clickable("#audit-export").click();
    browser.waitForText("#audit-exported", "Wrote audit-entries-filtered.json:");
    int rows = browser.all("#audit-table tbody tr").size();
    assertThat(browser.text("#audit-exported")).matches("Wrote audit-entries-filtered\\.json: " + rows + " entries, #\\d+ \\(\\d{4}-\\d{2}-\\d{2} [0-9:]+Z\\)"
        + " to #\\d+ \\(.*Z\\), filtered by item " + itemId + ", actor link-originator\\.");
    browser.screenshot("27-audit-filtered-export");
    browser.checkAccessibility("audit export");
    // The node filtered, not the page: every read of the entries carried the filters.
    List<String> reads = Browser.strings(browser.script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/api/v1/audit/entries'))"));
    String filters = "/api/v1/audit/entries?item=" + itemId + "&actor=link-originator";
    assertThat(reads).map(url -> url.substring(url.indexOf("/api/"))).containsExactly(
        "/api/v1/audit/entries?kind=CONSENT_REQUESTED&order=newest&limit=1000", filters + "&order=newest&limit=1000", filters + "&limit=1000");

    // Opening the item page (test 4: at 2017-01-05, then asked again for 2015-06-01) recorded no decision:
    // each view was audited once as shown, by the analyst who looked.
    browser.open(base + "#/audit?item=" + itemId + "&kind=DECISION_SHOWN");
    browser.find("#audit-table");
    assertThat(Browser.strings(browser.script("return [...document.querySelectorAll('#audit-table tbody tr')].map(tr => tr.dataset.kind)")))
        .containsExactly("DECISION_SHOWN", "DECISION_SHOWN");
    assertThat(browser.text("#audit-table")).contains("link-usa-analyst").contains("2015-06-01T00:00:00Z").contains("2017-01-05T00:00:00Z");
    browser.screenshot("28-audit-decisions-shown");
    browser.checkAccessibility("audit decisions shown");
    browser.open(base + "#/audit?item=" + itemId + "&kind=DECISION_RECORDED");
    browser.waitForText("#audit-empty", "No entry matches the filters.");

    browser.open(base + "#/audit?from=2000-01-01&to=2000-12-31");
    browser.waitForText("#audit-empty", "No entry matches the filters.");
    // An address with a date the node cannot read: its problem names the parameter, the form stays.
    browser.open(base + "#/audit?from=2000-13-45");
    browser.waitForText("#audit-entries .problem", "BAD_PARAMETER");
    assertThat(browser.text("#audit-entries .problem")).contains("'since'");
    browser.find("#audit-filters");
    browser.signOut();
  }

  private String currentHash() {
    return String.valueOf(browser.script("return decodeURIComponent(location.hash)"));
  }




}
