package org.pactbridge.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web UI in real headless Chromium against a node on a random loopback port: the Korea–US–Japan
 * story told through the pages. The tests run in order and share one browser and one node, like one
 * person's session: sign in, look at 2011 and 2017, see what a what-if changes, register an item, ask
 * for consent, approve it as the originator's disclosure officer, see the decision change, verify the
 * audit chain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiTest {
  private static final String CONTENT = "북한 미사일 발사 평가 — 北朝鮮ミサイル発射の評価 (test content)";

  private TestNode node;
  private Browser browser;
  private String base;
  private String usaAnalyst;
  private String korOfficer;
  private String korOriginator;
  private String auditor;
  private String itemId;

  @BeforeAll
  void start() throws Exception {
    // The real node service, as `pactbridge serve` runs it, on a random port.
    node = new RealNode();
    base = node.baseUrl();
    // Accounts are made the way an administrator makes them: through the API, with the first-start token.
    NodeApi api = new NodeApi(node);
    usaAnalyst = api.account("usa-analyst", "USA", "TOP_SECRET", List.of("analyst"));
    korOfficer = api.account("kor-fdo", "KOR", "I", List.of("disclosure-officer"));
    korOriginator = api.account("kor-originator", "KOR", "II", List.of("originator", "analyst"));
    auditor = api.account("kor-auditor", "KOR", "II", List.of("auditor"));
    browser = new Browser();
  }

  @org.junit.jupiter.api.AfterEach
  void printConsole(org.junit.jupiter.api.TestInfo test) throws IOException {
    browser.screenshot("last-" + test.getTestMethod().orElseThrow().getName());
    browser.printConsole();
  }

  @AfterAll
  void stop() throws IOException {
    Browser.closeAll(browser, node);
  }

  @Test
  @Order(1)
  void signInWithAnApiToken() throws IOException {
    browser.open(base);
    browser.find("#signin-form");
    browser.find("#signin-token").sendKeys("pbt_not-a-token");
    browser.clickable("#signin-submit").click();
    browser.waitForText("#signin-error", "Not signed in");
    browser.signIn(base, usaAnalyst);
    assertThat(browser.find("#who").getText()).contains("usa-analyst").contains("USA");
    assertThat(browser.all("#nav a")).extracting(WebElement::getText).contains("Network", "Coverage", "Items").doesNotContain("Audit");
    browser.screenshot("01-signed-in");
  }

  @Test
  @Order(2)
  void theSliderShowsNoKoreaJapanPactIn2011AndOneIn2017() throws IOException {
    browser.open(base + "#/network");
    // The page writes its date into the address once it has drawn: then the slider is this page's.
    browser.waitFor("the network drawn", () -> String.valueOf(browser.script("return location.hash")).startsWith("#/network?at="));
    moveSliderTo("2011-01-05");
    assertThat(liveStatuses("KOR-USA")).contains("IN_FORCE");
    assertThat(liveStatuses("JPN-USA")).contains("IN_FORCE");
    assertThat(liveStatuses("JPN-KOR")).isEmpty();
    assertThat(browser.all("#network .edge[data-pair='JPN-KOR']")).as("no Korea–Japan line at all in 2011").isEmpty();
    assertThat(browser.find("#network-summary li[data-pair='JPN-KOR']").getAttribute("class")).isEqualTo("missing");
    assertThat(browser.find("#network-summary li[data-pair='JPN-KOR']").getText()).contains("none in force");
    browser.screenshot("02-network-2011-01-05");
    // Agreements not yet in force appear on demand: the proposed Korea–Japan pact, dotted.
    browser.find("#show-pending").click();
    assertThat(browser.find("#network .edge[data-pair='JPN-KOR']").getAttribute("data-status")).isEqualTo("NOT_YET_IN_FORCE");
    browser.screenshot("02b-network-2011-01-05-not-yet-in-force");
    browser.find("#show-pending").click();

    // The slider is a keyboard control too: one step right is one day later.
    browser.find("#at-slider").sendKeys(Keys.ARROW_RIGHT);
    browser.waitFor("the date after one key press", () -> "2011-01-06".equals(browser.find("#at-date").getAttribute("value")));

    moveSliderTo("2017-01-05");
    assertThat(liveStatuses("JPN-KOR")).containsExactly("IN_FORCE");
    assertThat(browser.all("#network .arrangement-hub[data-agreement='TISA-2014']")).hasSize(1);
    // A click on the drawn line selects the agreement (WebDriver cannot click an SVG group as such).
    browser.find("#network .edge[data-pair='JPN-KOR'][data-agreement='ROK-JPN-GSOMIA-2016'] path.hit").click();
    browser.waitForText("#detail-title", "ROK-JPN-GSOMIA-2016");
    WebElement detail = browser.find("#agreement-detail");
    assertThat(detail.getText()).contains("in force").contains("signed").contains("2016-11-23").contains("Equivalence");
    // the record's exercises between the two are rows of the timeline, with their dates as the record gives them
    assertThat(browser.all("#agreement-detail tr.exercise")).isNotEmpty();
    assertThat(detail.getText()).contains("ROK-JPN-SAREX edition 5").contains("2007-06-17 to 2007-06-23").contains("1999-08 (month only)");
    assertThat(browser.all("#agreement-detail ul.sources a")).isNotEmpty()
        .allSatisfy(link -> assertThat(link.getAttribute("href")).startsWith("http"));
    browser.screenshot("03-network-2017-01-05-detail");

    // From the keyboard: Tab from the last filter reaches an edge; Enter opens it.
    browser.script("document.getElementById('show-pending').focus()");
    new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    Object focused = browser.script("return document.activeElement.dataset.agreement || null");
    assertThat(focused).as("the element focused after the filters is an edge").isNotNull();
    new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
    browser.waitForText("#detail-title", focused.toString());
    browser.screenshot("03b-network-keyboard-focus");

    // Play moves the date on by itself; a second press pauses it.
    browser.clickable("#play").click();
    browser.waitFor("the picture to move on from 2017-01-05",
        () -> String.valueOf(browser.script("return document.querySelector('main').dataset.at")).compareTo("2017-01-05") > 0);
    browser.clickable("#play").click();
    assertThat(browser.find("#play").getAttribute("aria-pressed")).isEqualTo("false");

    // 2019-09-01: the Korean notice of termination is running.
    moveSliderTo("2019-09-01");
    assertThat(liveStatuses("JPN-KOR")).containsExactly("TERMINATION_NOTIFIED");
    browser.screenshot("04-network-2019-09-01");
  }

  @Test
  @Order(3)
  void whatIfTheKoreaJapanPactHadEndedShowsTheCellsThatChange() throws IOException {
    browser.open(base + "#/coverage");
    browser.waitFor("the first heat map", () -> !browser.text("#heatmap").isEmpty());
    WebElement date = browser.find("#cov-date");
    browser.setDate(date, "2017-01-05");
    browser.script("document.getElementById('heatmap').remove()");
    browser.clickable("#cov-show").click();
    browser.waitFor("the 2017 heat map", () -> browser.text("#heatmap").contains("2017-01-05"));
    assertThat(browser.attr("#heatmap td[data-from='KOR'][data-to='JPN']", "data-direct")).isEqualTo("KOR:II");
    assertThat(browser.attr("#heatmap td[data-from='KOR'][data-to='USA']", "data-direct")).isNotEmpty();

    new Select(browser.find("#wi-agreement")).selectByValue("ROK-JPN-GSOMIA-2016");
    new Select(browser.find("#wi-type")).selectByValue("TERMINATED");
    browser.setDate(browser.find("#wi-at"), "2016-12-01");
    browser.clickable("#wi-add-event").click();
    assertThat(browser.find("#whatif-list").getText()).contains("ROK-JPN-GSOMIA-2016").contains("terminated");
    browser.clickable("#wi-run").click();
    browser.waitFor("the changed cells", () -> browser.text("#whatif-result").contains("KOR → JPN"));
    assertThat(Browser.strings(browser.script("return [...document.querySelectorAll('#whatif-result li')].map(li => li.dataset.cell)")))
        .contains("KOR>JPN", "JPN>KOR");
    assertThat(browser.attr("#heatmap td[data-from='KOR'][data-to='JPN']", "class")).contains("changed");
    assertThat(browser.attr("#heatmap td[data-from='KOR'][data-to='JPN']", "data-direct")).isEmpty();
    browser.script("window.scrollTo(0, 0)");
    browser.screenshot("05-coverage-whatif");

    // Removing the hypothetical event and comparing again changes nothing.
    browser.clickable("#whatif-list button").click();
    browser.clickable("#wi-run").click();
    browser.waitForText("#whatif-changes h3", "0 cells change");

    // What if Korea and Japan had signed in 2010? On 2011-01-05 Korea could then have sent II directly.
    browser.setDate(date, "2011-01-05");
    browser.script("document.getElementById('heatmap').remove()");
    browser.clickable("#cov-show").click();
    browser.waitFor("the 2011 heat map", () -> browser.text("#heatmap").contains("2011-01-05"));
    assertThat(browser.attr("#heatmap td[data-from='KOR'][data-to='JPN']", "data-direct")).isEmpty();
    new Select(browser.find("#wi-new-a")).selectByValue("KOR");
    new Select(browser.find("#wi-new-b")).selectByValue("JPN");
    new Select(browser.find("#wi-new-from")).selectByValue("ROK-JPN-GSOMIA-2016");
    browser.setDate(browser.find("#wi-new-at"), "2010-06-01");
    browser.clickable("#wi-add-agreement").click();
    browser.clickable("#wi-run").click();
    browser.waitFor("the hypothetical pact's cells", () -> browser.text("#whatif-result").contains("KOR → JPN"));
    assertThat(browser.attr("#heatmap td[data-from='KOR'][data-to='JPN']", "class")).contains("changed");
    assertThat(browser.attr("#heatmap td[data-from='KOR'][data-to='JPN']", "data-direct")).isEqualTo("KOR:II");
    browser.script("window.scrollTo(0, 0)");
    browser.screenshot("05b-coverage-whatif-pact-in-2010");
  }

  @Test
  @Order(4)
  void registerAnItemReleaseItAndAskTheOriginatorForConsent() throws IOException {
    // Korea registers an item and releases it to the United States: their GSOMIA is in force today.
    browser.signOut();
    browser.signIn(base, korOriginator);
    itemId = registerItem("II", "USA, JPN", "dprk-missile", false, CONTENT);
    assertThat(browser.find("#item-content").getText()).isEqualTo(CONTENT);
    decide("USA", today());
    browser.waitForText("#decision-outcome", "PERMIT");
    browser.clickable("#release").click();
    browser.waitForText("#released", "Released to USA");
    browser.screenshot("06a-item-released-to-usa");

    // The United States holds a copy: to Japan on 2017-01-05 the hop is lawful, but Korea must consent.
    browser.signOut();
    browser.signIn(base, usaAnalyst);
    browser.open(base + "#/items");
    browser.find("#item-list tr[data-item='" + itemId + "'] a").click();
    browser.waitForText("#item-id", itemId);
    decide("JPN", "2017-01-05");
    browser.waitForText("#decision-outcome", "CONSENT REQUIRED");
    assertThat(reasonCodes())
        .contains("THIRD_PARTY_CONSENT_REQUIRED");
    // One sentence first: under which agreement, at which level in Japan's scheme, and whose consent.
    assertThat(browser.text("#decision-sentence")).contains("may go to JPN at 2017-01-05 under")
        .contains("JPN:GOKUHI 極秘").contains("once KOR's disclosure officer consents");
    assertThat(browser.text("#decision")).as("consent required is not 'no route'").doesNotContain("No lawful route");
    assertThat(browser.all("#release")).as("an analyst may not release: the node would answer 403").isEmpty();
    browser.screenshot("06b-item-consent-required");
    browser.clickable("#ask-consent").click();
    browser.waitForText("#consent-sent", "waiting for an answer");
    assertThat(browser.all("#ask-consent")).as("no second request while one is waiting").isEmpty();
    browser.waitFor("the pending request listed", () -> !browser.all("#item-consents li[data-state='PENDING']").isEmpty());

    // China is not in the REL TO list: refused, and no route can help.
    decide("CHN", "2017-01-05");
    browser.waitForText("#decision-outcome", "DENY");
    assertThat(reasonCodes()).contains("NOT_RELEASABLE_TO");
    assertThat(browser.find("#no-routes").getText()).contains("No lawful route");
    browser.screenshot("07-item-deny-not-releasable");
  }

  @Test
  @Order(5)
  void theOriginatorsDisclosureOfficerApprovesAndTheDecisionChanges() throws IOException {
    browser.signOut();
    browser.signIn(base, korOfficer);
    browser.open(base + "#/consents");
    WebElement request = browser.find("#consent-pending article.consent");
    // The card says what is asked about: the item's marking, its level with the native name, its topics,
    // and what the node decides now, without the answer.
    assertThat(request.getText()).contains(itemId).contains("USA").contains("JPN")
        .contains("KOR:II 군사 Ⅱ급 비밀").contains("dprk-missile").contains("once KOR's disclosure officer consents");
    browser.screenshot("08-consent-inbox");
    request.findElement(org.openqa.selenium.By.cssSelector("button.approve")).click();
    // Approving asks once more before anything is sent.
    browser.waitForText("#consent-pending .confirm-question", "Approve the release of " + itemId + " from USA to JPN?");
    assertThat(browser.text("#consent-pending")).contains("Waiting for an answer (1)");
    browser.screenshot("08b-consent-confirm");
    browser.clickable("#consent-pending .confirm-yes").click();
    browser.waitForText("#consent-pending", "Nothing waiting");
    assertThat(browser.find("#consent-answered").getText()).contains("granted");

    browser.signOut();
    browser.signIn(base, usaAnalyst);
    browser.open(base + "#/items/" + itemId + "?to=JPN&at=2017-01-05");
    browser.waitForText("#decision-outcome", "PERMIT");
    assertThat(browser.find("#decision-outcome").getText()).contains("JPN:");
    assertThat(browser.find("#item-consents").getText()).contains("granted");
    browser.screenshot("09-item-permit-after-consent");
  }

  @Test
  @Order(6)
  void whenTheDirectReleaseFailsTheDecisionShowsTheRoutes() throws IOException {
    browser.signOut();
    browser.signIn(base, korOriginator);
    registerItem("II", "USA, JPN", "dprk-missile", false, "탄도미사일 정보 (test content)");

    // Mid-2015 Korea and Japan had no pact; the trilateral arrangement sanctions the way through the United States.
    decide("JPN", "2015-06-01");
    browser.waitForText("#decision-outcome", "DENY");
    assertThat(reasonCodes()).contains("NO_AGREEMENT_IN_FORCE");
    String routes = browser.find("#decision-routes").getText();
    assertThat(routes).contains("KOR → USA → JPN").contains("sanctioned by TISA-2014").contains("ROK-USA-GSOMIA-1987")
        .contains("USA-JPN-GSOMIA-2007").contains("Needs consent from KOR");
    assertThat(browser.all("#ask-consent")).as("Korea holds its own item: nobody to ask").isEmpty();
    assertThat(browser.text("#decision-sentence")).contains("may not go to JPN at 2015-06-01").contains("One lawful route reaches JPN another way");
    browser.script("document.getElementById('decision').scrollIntoView()");
    browser.screenshot("10-item-routes-2015");

    // 2019-09-01: Korea's notice of termination is running. The release is lawful, with a caution.
    decide("JPN", "2019-09-01");
    browser.waitForText("#decision-outcome", "PERMIT");
    assertThat(browser.text("#decision-cautions")).contains("Caution");
    assertThat(browser.attr("#decision-chain li[data-code='TERMINATION_PENDING']", "class")).isEqualTo("effect-caution");
    assertThat(browser.text("#decision-chain li[data-code='TERMINATION_PENDING'] .badge")).isEqualTo("CAUTION");
    assertThat(browser.text("#decision-marking")).contains("JPN would hold it marked JPN:GOKUHI").contains("極秘");
    // The rule is named once, above its reasons.
    assertThat(Browser.strings(browser.script("return [...document.querySelectorAll('#decision-chain h4')].map(h => h.textContent)")))
        .filteredOn(text -> text.startsWith("Rule 4")).hasSize(1);
    browser.script("document.getElementById('decision').scrollIntoView()");
    browser.screenshot("10b-item-termination-caution");
  }

  @Test
  @Order(7)
  void anApprovalWithConditionsIsRecordedWithThem() throws IOException {
    browser.signOut();
    browser.signIn(base, korOriginator);
    String orconItem = registerItem("III", "", "", true, "ORCON 항적 자료 (test content)");
    decide("USA", today());
    browser.waitForText("#decision-outcome", "PERMIT");
    browser.clickable("#release").click();
    browser.waitForText("#released", "Released to USA");

    browser.signOut();
    browser.signIn(base, usaAnalyst);
    browser.open(base + "#/items/" + orconItem + "?to=JPN&at=2017-01-05");
    browser.waitForText("#decision-outcome", "CONSENT REQUIRED");
    assertThat(reasonCodes()).contains("ORCON_CONSENT_REQUIRED");
    browser.clickable("#ask-consent").click();
    browser.waitForText("#consent-sent", "waiting for an answer");

    browser.signOut();
    browser.signIn(base, korOfficer);
    browser.open(base + "#/consents");
    WebElement request = browser.find("#consent-pending article.consent");
    request.findElement(org.openqa.selenium.By.cssSelector("details summary")).click();
    WebElement expiry = request.findElement(org.openqa.selenium.By.cssSelector("input[type='date']"));
    browser.setDate(expiry, "2030-01-01");
    request.findElement(org.openqa.selenium.By.cssSelector("input[placeholder='NOT FOR FURTHER RELEASE']")).sendKeys("NOT FOR FURTHER RELEASE");
    browser.screenshot("11-consent-with-conditions");
    // The downgrade is chosen from the originator's levels below the item's (III is the lowest: none).
    assertThat(Browser.strings(browser.script("return [...arguments[0].querySelectorAll('select.downgrade option')].map(o => o.value)", request)))
        .containsExactly("");
    assertThat(request.getText()).contains("upper-case letters, digits, spaces");
    request.findElement(org.openqa.selenium.By.cssSelector("button.approve-conditions")).click();
    browser.waitForText("#consent-pending .confirm-question", "with expiry 2030-01-01; added caveat NOT FOR FURTHER RELEASE");
    browser.clickable("#consent-pending .confirm-yes").click();
    browser.waitForText("#consent-pending", "Nothing waiting");

    browser.signOut();
    browser.signIn(base, usaAnalyst);
    browser.open(base + "#/items/" + orconItem + "?to=JPN&at=2017-01-05");
    browser.waitForText("#decision-outcome", "PERMIT");
    assertThat(browser.find("#decision-conditions").getText()).contains("expiry 2030-01-01").contains("NOT FOR FURTHER RELEASE");
    // The recipient's resulting marking, as the node gives it: its level, then the caveat the consent added.
    assertThat(browser.text("#recipient-marking")).startsWith("JPN:").endsWith("//NOT FOR FURTHER RELEASE");
    assertThat(browser.find("#item-consents").getText()).contains("granted");
  }

  @Test
  @Order(8)
  void theAuditorVerifiesTheChain() throws IOException {
    browser.signOut();
    browser.signIn(base, auditor);
    browser.open(base + "#/audit");
    browser.find("#audit-table");
    assertThat(browser.find("#audit-table").getText()).contains("ITEM_ADDED").contains("CONSENT_REQUESTED").contains("CONSENT_ANSWERED");
    browser.clickable("#audit-verify").click();
    assertThat(browser.find("#audit-result").getAttribute("data-ok")).isEqualTo("true");
    assertThat(browser.find("#audit-result").getText()).matches("Intact: \\d+ entries.*");
    browser.screenshot("12-audit-verified");
  }

  @Test
  @Order(9)
  void everyRequestTheBrowserMadeStayedOnTheNode() {
    Object names = browser.script("return performance.getEntriesByType('resource').map(entry => entry.name).concat([location.href]);");
    assertThat((List<?>) names).isNotEmpty().allSatisfy(name -> assertThat(String.valueOf(name)).startsWith(base));
  }

  @Test
  @Order(10)
  void aLaptopScreenShowsThePagesWithoutSidewaysScrolling() throws IOException {
    browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
    try {
      for (String page : List.of("network", "coverage", "audit")) {
        browser.open(base + "#/" + page);
        browser.find(page.equals("network") ? "#network .party" : page.equals("coverage") ? "#heatmap" : "#audit-table");
        Object overflow = browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("sideways overflow on %s", page).isLessThanOrEqualTo(0);
        browser.screenshot("13-laptop-1280x800-" + page);
      }
    } finally {
      browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
    }
  }

  // ---- helpers ------------------------------------------------------------------------------------

  /** The statuses of the edges drawn for a pair, other than "not yet in force"; read in one step. */
  private List<String> liveStatuses(String pair) {
    Object statuses = browser.script("return [...document.querySelectorAll(\"#network .edge[data-pair='\" + arguments[0] + \"']\")]"
        + ".map(edge => edge.dataset.status).filter(status => status !== 'NOT_YET_IN_FORCE');", pair);
    return ((List<?>) statuses).stream().map(String::valueOf).toList();
  }

  /** Drags the slider to a date: sets its value and fires the input event a drag fires. */
  private void moveSliderTo(String date) {
    browser.find("#at-slider");
    // The slider is looked up in the same step it is moved: the page keeps its date in the address, so
    // opening #/network over #/network?at=… draws the page afresh and an element found earlier may be gone.
    browser.script("delete document.querySelector('main').dataset.at; const slider = document.getElementById('at-slider');"
        + "slider.value = String(Math.round((Date.parse(arguments[0] + 'T00:00:00Z') - Date.UTC(1980, 0, 1)) / 86400000));"
        + "slider.dispatchEvent(new Event('input', {bubbles: true}));", date);
    browser.waitFor("the network at " + date, () -> date.equals(browser.script("return document.querySelector('main').dataset.at")));
  }

  /** The reason codes of the decision shown, in order; read in one step. */
  private List<String> reasonCodes() {
    return Browser.strings(browser.script("return [...document.querySelectorAll('#decision-chain li')].map(li => li.dataset.code)"));
  }


  /** Registers an item through the form as the signed-in originator; returns its id, with its page open. */
  private String registerItem(String level, String relTo, String topics, boolean orcon, String content) {
    browser.open(base + "#/items");
    browser.find("#register-form");
    new Select(browser.find("#reg-level")).selectByValue(level);
    browser.find("#reg-relto").sendKeys(relTo);
    browser.find("#reg-topics").sendKeys(topics);
    if (orcon) {
      browser.find("#reg-orcon").click();
    }
    browser.find("#reg-content").sendKeys(content);
    browser.clickable("#reg-submit").click();
    browser.find("#decision-outcome");
    return browser.find("#item-id").getText();
  }

  private static String today() {
    return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
  }


  private void decide(String to, String date) {
    new Select(browser.find("#dec-to")).selectByValue(to);
    browser.setDate(browser.find("#dec-at"), date);
    browser.clickable("#dec-submit").click();
    browser.waitFor("a decision to " + to + " at " + date, () -> browser.text("#decision-outcome").contains(" to " + to + " at " + date));
  }


}
