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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The consent flow through the pages, answered for real: Korea's disclosure officer approves one request
 * with a downgrade chosen from the offered levels and an expiry, and refuses another; the American
 * analyst who asked sees each answer under "My requests" and on the item page: a permit at the
 * downgraded level until the expiry, consent needed again after it, and a refusal that leaves consent
 * needed (never "no route"). axe-core checks every state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsentFlowBrowserTest {
  private TestNode node;
  private Browser browser;
  private String base;
  private String officer;
  private String usaAnalyst;
  private String granted;
  private String refused;

  @BeforeAll
  void start() throws Exception {
    node = new RealNode();
    base = node.baseUrl();
    NodeApi api = new NodeApi(node);
    String originator = api.account("flow-originator", "KOR", "II", List.of("originator"));
    officer = api.account("flow-fdo", "KOR", "I", List.of("disclosure-officer"));
    usaAnalyst = api.account("flow-usa-analyst", "USA", "TOP_SECRET", List.of("analyst"));
    granted = api.itemAwaitingConsent(originator, usaAnalyst, "Downgrade me", "consent flow (test content)");
    refused = api.itemAwaitingConsent(originator, usaAnalyst, "Refuse me", "consent flow (test content)");
    browser = new Browser();
  }

  @AfterEach
  void noSeriousViolations() {
    browser.printConsole();
    assertThat(browser.takeViolations()).as("axe-core: serious or critical violations").isEmpty();
  }

  @AfterAll
  void stop() throws IOException {
    Browser.closeAll(browser, node);
  }

  private WebElement card(String item) {
    browser.waitFor("the card of " + item, () -> !browser.all("#consent-pending article.consent").isEmpty());
    return browser.all("#consent-pending article.consent").stream().filter(card -> card.getText().contains(item)).findFirst().orElseThrow();
  }

  @Test
  @Order(1)
  void theOfficerApprovesWithADowngradeChosenFromTheOfferedLevelsAndAnExpiry() throws IOException {
    browser.signIn(base, officer);
    browser.open(base + "#/consents");
    WebElement card = card(granted);
    assertThat(card.getText()).contains("Downgrade me").contains("by flow-usa-analyst of USA");
    card.findElement(By.cssSelector("details summary")).click();
    // The caveat rule is there before anyone types; the downgrade offers only KOR levels below II.
    assertThat(card.getText()).contains("1 to 64 characters: upper-case letters, digits, spaces");
    Select downgrade = new Select(card.findElement(By.cssSelector("select.downgrade")));
    assertThat(downgrade.getOptions()).extracting(option -> option.getAttribute("value")).containsExactly("", "KOR:III");
    downgrade.selectByValue("KOR:III");
    browser.setDate(card.findElement(By.cssSelector("input[type='date']")), "2030-01-01");
    browser.checkAccessibility("consent with conditions");
    card.findElement(By.cssSelector("button.approve-conditions")).click();
    browser.waitForText("#consent-pending .confirm-question", "Approve the release of " + granted + " from USA to JPN, with expiry 2030-01-01; downgrade to KOR:III");
    browser.screenshot("30-consent-downgrade-confirm");
    browser.checkAccessibility("consent confirm approval");
    browser.clickable("#consent-pending .confirm-yes").click();
    browser.waitFor("the answered list", () -> browser.text("#consent-answered").contains(granted));
    assertThat(browser.text("#consent-answered")).contains("granted").contains("expiry 2030-01-01").contains("downgrade to KOR:III");
    browser.signOut();
  }

  @Test
  @Order(2)
  void theOfficerRefusesAfterConfirming() throws IOException {
    browser.signIn(base, officer);
    browser.open(base + "#/consents");
    WebElement card = card(refused);
    card.findElement(By.cssSelector("button.refuse")).click();
    browser.waitForText("#consent-pending .confirm-question", "Refuse the release of " + refused + " from USA to JPN?");
    browser.clickable("#consent-pending .confirm-yes").click();
    browser.waitForText("#consent-pending", "Nothing waiting");
    assertThat(browser.text("#consent-answered")).contains(refused).contains("refused");
    browser.screenshot("31-consent-answered");
    browser.checkAccessibility("consents answered");
    browser.signOut();
  }

  @Test
  @Order(3)
  void theAnalystSeesEachAnswerOnMyRequestsAndOnTheItemPage() throws IOException {
    browser.signIn(base, usaAnalyst);
    browser.open(base + "#/consents");
    browser.find("#mine-table");
    assertThat(browser.text("#mine-title")).isEqualTo("My requests (2)");
    assertThat(browser.attr("#mine-table tr[data-state='GRANTED']", "data-consent")).isNotEmpty();
    assertThat(browser.text("#mine-table tr[data-state='GRANTED']")).contains(granted).contains("downgrade to KOR:III");
    assertThat(browser.text("#mine-table tr[data-state='REFUSED']")).contains(refused).contains("refused");
    browser.screenshot("32-my-requests-answered");
    browser.checkAccessibility("my requests answered");

    // Granted with a downgrade: a permit at KOR:III, until the expiry.
    browser.open(base + "#/items/" + granted + "?to=JPN&at=2017-01-05");
    browser.waitForText("#decision-outcome", "PERMIT");
    assertThat(browser.text("#decision-conditions")).contains("expiry 2030-01-01").contains("downgrade to KOR:III");
    assertThat(browser.text("#recipient-marking")).startsWith("JPN:");
    browser.screenshot("33-permit-after-downgrade");
    browser.checkAccessibility("permit after a downgrade");
    browser.setDate(browser.find("#dec-at"), "2030-01-02");
    browser.clickable("#dec-submit").click();
    browser.waitFor("the decision after the expiry", () -> browser.text("#decision-outcome").contains("at 2030-01-02"));
    assertThat(browser.text("#decision-outcome")).startsWith("CONSENT REQUIRED").contains("once KOR's disclosure officer consents");
    assertThat(browser.all("#decision-conditions")).as("the expired consent no longer applies").isEmpty();
    browser.screenshot("34-consent-expired");
    browser.checkAccessibility("consent expired");

    // Refused: consent is still what is needed; the page never says that no route exists.
    browser.open(base + "#/items/" + refused + "?to=JPN&at=2017-01-05");
    browser.waitForText("#decision-outcome", "CONSENT REQUIRED");
    assertThat(browser.text("#decision-sentence")).contains("once KOR's disclosure officer consents");
    assertThat(browser.text("#decision")).doesNotContain("No lawful route");
    assertThat(browser.text("#item-consents")).contains("refused");
    browser.checkAccessibility("refused item");
    browser.signOut();
  }
}
