package org.pactbridge.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 15, finding 9, in real headless Chromium: after sign-in the token is in an HttpOnly cookie
 * that script cannot read ({@code document.cookie}) and in no web storage; the pages still change state
 * (an item is registered through the form, with the CSRF token); a state-changing call without the CSRF
 * token is refused; sign-out makes the node drop the cookie; and the pages run under the
 * Content-Security-Policy without a violation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionCookieBrowserTest {
  private TestNode node;
  private Browser browser;
  private String base;
  private String originator;

  @BeforeAll
  void start() throws Exception {
    node = new RealNode();
    base = node.baseUrl();
    originator = new NodeApi(node).account("cookie-originator", "KOR", "II", List.of("originator"));
    browser = new Browser();
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) {
      browser.printConsole();
    }
    Browser.closeAll(browser, node);
  }

  /** Runs {@code body} as an async script whose last argument is the callback; returns what it passed. */
  private Object async(String body) {
    return ((JavascriptExecutor) browser.driver()).executeAsyncScript("const done = arguments[arguments.length - 1];" + body);
  }

  @Test
  void theTokenIsInAnHttpOnlyCookieNotInScriptsReachAndStateChangesNeedTheCsrfToken() throws IOException {
    browser.open(base + "#/signin");
    browser.find("#signin-token").sendKeys(originator);
    browser.clickable("#signin-submit").click();
    browser.find("#sign-out");
    browser.find("#network");

    // Script sees neither the cookie nor the token, and nothing is kept in web storage.
    assertThat(String.valueOf(browser.script("return document.cookie"))).doesNotContain(originator).doesNotContain("pactbridge-session");
    assertThat(((Number) browser.script("return localStorage.length")).intValue()).isZero();
    assertThat(((Number) browser.script("return sessionStorage.length")).intValue()).isZero();
    assertThat(String.valueOf(browser.script("return document.documentElement.outerHTML"))).doesNotContain(originator);
    Cookie cookie = browser.driver().manage().getCookieNamed("__Host-pactbridge-session");
    assertThat(cookie).as("the session cookie, as the browser holds it").isNotNull();
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.isSecure()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Strict");
    assertThat(cookie.getExpiry()).as("a session cookie").isNull();

    // A reload still knows who is signed in (the node tells the page), and the pages change state with the CSRF token.
    browser.driver().navigate().refresh();
    browser.find("#sign-out");
    browser.open(base + "#/items");
    browser.find("#register-form");
    new Select(browser.find("#reg-level")).selectByValue("III");
    browser.find("#reg-topics").sendKeys("dprk-missile");
    browser.find("#reg-content").sendKeys("registered through the cookie session (test content)");
    browser.clickable("#reg-submit").click();
    browser.find("#decision-outcome");
    assertThat(browser.find("#item-id").getText()).isNotBlank();
    browser.screenshot("20-cookie-session-item-registered");

    // The same call without the CSRF header, as a forged request would be: refused.
    Object forged = async("fetch('/api/v1/items', {method: 'POST', headers: {'Content-Type': 'application/json'},"
        + " body: JSON.stringify({marking: '//KOR III', content: 'forged'})})"
        + ".then(response => response.json().then(problem => done(response.status + ' ' + problem.code)));");
    assertThat(forged).isEqualTo("403 CSRF_TOKEN_MISSING");

    // Sign-out: the node drops the cookie, and the API no longer knows the browser.
    browser.clickable("#sign-out").click();
    browser.find("#signin-form");
    browser.waitFor("the cookie to be dropped", () -> browser.driver().manage().getCookieNamed("__Host-pactbridge-session") == null);
    Object after = async("fetch('/api/v1/me').then(response => done(response.status));");
    assertThat(((Number) after).intValue()).isEqualTo(401);
  }

  @Test
  void thePagesRunUnderTheContentSecurityPolicy() throws IOException {
    browser.console();
    browser.open(base + "#/signin");
    browser.find("#signin-token").sendKeys(originator);
    browser.clickable("#signin-submit").click();
    browser.find("#network .party");
    browser.open(base + "#/coverage");
    browser.waitFor("the heat map", () -> !browser.text("#heatmap").isEmpty());
    // The heat of a cell is set through the CSSOM, which the policy allows (a style attribute it would refuse).
    Object heat = browser.script("const cell = document.querySelector('#heatmap td[data-from=\"KOR\"][data-to=\"USA\"]');"
        + " return cell ? cell.style.getPropertyValue('--heat') : null;");
    assertThat(String.valueOf(heat)).isNotBlank().isNotEqualTo("null");
    List<String> console = browser.console();
    assertThat(console).noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused to"));
    browser.screenshot("21-coverage-under-csp");
    browser.clickable("#sign-out").click();
    browser.find("#signin-form");
  }
}
