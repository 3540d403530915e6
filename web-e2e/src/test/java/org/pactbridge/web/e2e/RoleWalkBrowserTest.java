package org.pactbridge.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;

/**
 * Every role through every page: the page offers no action the node would refuse for that role, and
 * the page itself makes no call the node refuses (every answer the browser gets is watched for 403).
 * What is offered is then used, and must work: an originator and a disclosure officer release, the
 * officer approves a consent after confirming, an auditor verifies the chain, an analyst compares a
 * what-if. Who may do what is written out here from docs/server.md (as RoleMatrixTest writes it for
 * the API), not read from the page's code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// The walk needs the consent request still waiting; using the offered actions answers it.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoleWalkBrowserTest {
  private static final List<String> ROLES = List.of("admin", "originator", "disclosure-officer", "analyst", "auditor", "logistics-officer", "node-auditor");
  private static final Set<String> HOLDERS = Set.of("originator", "disclosure-officer", "analyst");
  private static final Set<String> ASKERS = Set.of("admin", "originator", "disclosure-officer", "analyst");
  private static final Set<String> RELEASERS = Set.of("originator", "disclosure-officer");
  private static final Set<String> AUDITORS = Set.of("auditor", "node-auditor", "admin");

  private TestNode node;
  private Browser browser;
  private String base;
  private final Map<String, String> tokens = new LinkedHashMap<>();
  private String itemId;

  @BeforeAll
  void start() throws Exception {
    node = new RealNode();
    base = node.baseUrl();
    NodeApi api = new NodeApi(node);
    for (String role : ROLES) {
      tokens.put(role, api.account("walk-" + role, "KOR", "I", List.of(role)));
    }
    String usaAnalyst = api.account("walk-usa-analyst", "USA", "TOP_SECRET", List.of("analyst"));
    String usaOfficer = api.account("walk-usa-officer", "USA", "TOP_SECRET", List.of("disclosure-officer"));
    // A Korean item that the United States holds and has asked Korea's consent to pass to Japan: the
    // officer's inbox has something to answer, and the holders have something to release.
    itemId = api.itemAwaitingConsent(tokens.get("originator"), usaAnalyst, null, "role walk (test content)");
    tokens.put("usa-disclosure-officer", usaOfficer);
    browser = new Browser();
  }

  @AfterEach
  void printConsole(TestInfo test) {
    browser.printConsole();
  }

  @AfterAll
  void stop() throws Exception {
    Browser.closeAll(browser, node);
  }

  @Test
  @Order(1)
  void everyRoleIsOfferedOnlyWhatTheNodeAllowsIt() throws Exception {
    List<String> failures = new ArrayList<>();
    for (String role : ROLES) {
      browser.signIn(base, tokens.get(role));
      watchAnswers();
      List<String> nav = browser.all("#nav a").stream().map(WebElement::getText).toList();
      expect(failures, role, "nav Items", nav.contains("Items"), HOLDERS.contains(role));
      expect(failures, role, "nav Consents", nav.contains("Consents"), HOLDERS.contains(role));
      expect(failures, role, "nav Audit", nav.contains("Audit"), AUDITORS.contains(role));

      browser.open(base + "#/network?at=2017-01-05");
      browser.find("#network .party");
      browser.screenshot("role-" + role + "-network");

      browser.open(base + "#/coverage");
      browser.waitFor("the heat map", () -> !browser.text("#heatmap").isEmpty());
      expect(failures, role, "what-if panel", !browser.all("#wi-run").isEmpty(), ASKERS.contains(role));
      browser.screenshot("role-" + role + "-coverage");

      browser.open(base + "#/items");
      if (HOLDERS.contains(role)) {
        browser.find("#item-list");
        expect(failures, role, "register form", !browser.all("#register-form").isEmpty(), role.equals("originator"));
        browser.open(base + "#/items/" + itemId + "?to=USA");
        browser.waitFor("the decision", () -> browser.text("#decision-outcome").contains("PERMIT"));
        expect(failures, role, "release button", !browser.all("#release").isEmpty(), RELEASERS.contains(role));
        browser.screenshot("role-" + role + "-item");
      } else {
        browser.waitForText("main", "Not for your roles");
      }

      browser.open(base + "#/consents");
      if (HOLDERS.contains(role)) {
        // The officer's inbox is drawn after the nation's own requests: wait for the part this role gets.
        browser.find(role.equals("disclosure-officer") ? "#pending-title" : "#mine-title");
        expect(failures, role, "approve buttons", !browser.all("#consent-pending button.approve").isEmpty(), role.equals("disclosure-officer"));
        browser.screenshot("role-" + role + "-consents");
      } else {
        browser.waitForText("main", "Not for your roles");
      }

      browser.open(base + "#/audit");
      if (AUDITORS.contains(role)) {
        browser.find("#audit-verify");
        browser.screenshot("role-" + role + "-audit");
      } else {
        browser.waitForText("main", "Not for your roles");
      }
      List<String> refused = refusedCalls();
      if (!refused.isEmpty()) {
        failures.add(role + ": the pages made calls the node refused: " + refused);
      }
      browser.signOut();
    }
    assertThat(failures).isEmpty();
  }

  @Test
  @Order(2)
  void whatIsOfferedWorks() throws Exception {
    // A disclosure officer of a nation that is not the originator's has nothing to answer.
    browser.signIn(base, tokens.get("usa-disclosure-officer"));
    browser.open(base + "#/consents");
    browser.waitForText("#consent-pending", "Nothing waiting");
    assertThat(browser.text("#consent-mine")).contains(itemId).contains("waiting");
    browser.signOut();

    browser.signIn(base, tokens.get("disclosure-officer"));
    watchAnswers();
    browser.open(base + "#/consents");
    browser.find("#consent-pending article.consent");
    browser.clickable("#consent-pending button.approve").click();
    browser.clickable("#consent-pending .confirm-yes").click();
    browser.waitForText("#consent-pending", "Nothing waiting");
    assertThat(browser.text("#consent-answered")).contains("granted");

    browser.open(base + "#/items/" + itemId + "?to=USA");
    browser.clickable("#release").click();
    browser.waitForText("#released", "Released to USA");
    assertThat(refusedCalls()).isEmpty();
    browser.signOut();

    browser.signIn(base, tokens.get("auditor"));
    browser.open(base + "#/audit");
    browser.clickable("#audit-verify").click();
    browser.waitForText("#audit-result", "Intact");
    browser.signOut();

    browser.signIn(base, tokens.get("analyst"));
    watchAnswers();
    browser.open(base + "#/coverage");
    browser.waitFor("the heat map", () -> !browser.text("#heatmap").isEmpty());
    browser.clickable("#wi-run").click();
    browser.waitForText("#whatif-changes h3", "0 cells change");
    assertThat(refusedCalls()).isEmpty();
    browser.signOut();
  }

  private static void expect(List<String> failures, String role, String what, boolean offered, boolean allowed) {
    if (offered != allowed) {
      failures.add(role + ": " + what + (offered ? " offered but the node refuses it" : " not offered though the node allows it"));
    }
  }

  /** Records the status of every answer the page's fetch gets; the page keeps its window across hash changes. */
  private void watchAnswers() {
    browser.script("window.__answers = []; if (!window.__watching) { window.__watching = true; const original = window.fetch;"
        + " window.fetch = async (...args) => { const response = await original(...args);"
        + " window.__answers.push(response.status + ' ' + (args[1] && args[1].method || 'GET') + ' ' + String(args[0]).split('?')[0]); return response; }; }");
  }

  private List<String> refusedCalls() {
    Object answers = browser.script("return (window.__answers || []).filter(answer => answer.startsWith('403 ') || answer.startsWith('401 '))");
    return ((List<?>) answers).stream().map(String::valueOf).toList();
  }


}
