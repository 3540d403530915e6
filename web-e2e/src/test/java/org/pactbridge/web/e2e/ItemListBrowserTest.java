package org.pactbridge.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Item titles in real headless Chromium: a title given in the registration form is shown on the item's
 * page and in the list; the list pages past the first 100 items; a search over titles finds what the
 * user may see, and an analyst not cleared for an item finds nothing of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ItemListBrowserTest {
  private static final int ITEMS = 130;

  private TestNode node;
  private Browser browser;
  private String base;
  private String originator;
  private String lowAnalyst;

  @BeforeAll
  void start() throws Exception {
    node = new RealNode();
    base = node.baseUrl();
    NodeApi api = new NodeApi(node);
    originator = api.account("title-originator", "KOR", "II", List.of("originator", "analyst"));
    lowAnalyst = api.account("title-analyst-iii", "KOR", "III", List.of("analyst"));
    // More than a page of items, registered through the API: "report 001" … "report 130", at KOR II.
    for (int index = 1; index <= ITEMS; index++) {
      api.post(originator, "/api/v1/items", Map.of("marking", "//KOR II//REL TO USA", "topics", List.of("dprk-missile"),
          "content", "body " + index, "title", String.format("report %03d", index)));
    }
    browser = new Browser();
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) {
      browser.printConsole();
    }
    Browser.closeAll(browser, node);
  }


  private List<String> titlesShown() {
    return ((List<?>) browser.script("return [...document.querySelectorAll('#item-list td.title')].map(td => td.textContent)"))
        .stream().map(String::valueOf).toList();
  }

  private void search(String words) {
    WebElement query = browser.find("#item-search");
    query.clear();
    query.sendKeys(words);
    browser.clickable("#item-search-submit").click();
  }

  @Test
  @Order(1)
  void theListShowsTitlesPagesPastTheFirstHundredAndSearches() throws IOException {
    browser.signIn(base, originator);
    browser.open(base + "#/items");
    browser.waitForText("#item-range", "Items 1–100");
    assertThat(titlesShown()).hasSize(100).startsWith("report 001", "report 002").endsWith("report 100");
    assertThat(browser.find("#item-prev").isEnabled()).isFalse();
    browser.screenshot("30-items-page-1");

    browser.clickable("#item-next").click();
    browser.waitForText("#item-range", "Items 101–130");
    assertThat(titlesShown()).hasSize(30).startsWith("report 101").endsWith("report 130");
    assertThat(browser.find("#item-next").isEnabled()).isFalse();
    browser.screenshot("31-items-page-2");
    browser.clickable("#item-prev").click();
    browser.waitForText("#item-range", "Items 1–100");

    search("REPORT 12");
    browser.waitFor("the search's answer", () -> titlesShown().size() == 10);
    assertThat(titlesShown()).containsExactly("report 120", "report 121", "report 122", "report 123", "report 124", "report 125",
        "report 126", "report 127", "report 128", "report 129");
    assertThat(browser.all("#item-pager")).as("one page: no pager").isEmpty();
    assertThat(browser.text("#item-list caption")).contains("REPORT 12");
    // The words searched for stay out of the address.
    assertThat(browser.driver().getCurrentUrl()).doesNotContain("REPORT").doesNotContain("report");
    browser.screenshot("32-items-search");

    search("no such words");
    browser.waitForText("#item-list-empty", "No item you may see has a title containing “no such words”.");
  }

  @Test
  @Order(2)
  void aTitleGivenInTheFormIsShownWithTheItem() throws IOException {
    browser.signIn(base, originator);
    browser.open(base + "#/items");
    browser.find("#register-form");
    new Select(browser.find("#reg-level")).selectByValue("II");
    browser.find("#reg-title").sendKeys("Sohae launch pad — 서해 발사장");
    browser.find("#reg-topics").sendKeys("dprk-missile");
    browser.find("#reg-content").sendKeys("registered with a title (test content)");
    browser.clickable("#reg-submit").click();
    browser.find("#decision-outcome");
    assertThat(browser.find("#item-name").getText()).isEqualTo("Sohae launch pad — 서해 발사장");
    String id = browser.find("#item-id").getText();
    browser.screenshot("33-item-with-title");

    browser.open(base + "#/items");
    search("서해");
    browser.waitFor("the search's answer", () -> titlesShown().size() == 1);
    assertThat(browser.attr("#item-list tbody tr", "data-item")).isEqualTo(id);

    // An analyst cleared only to III neither sees nor finds the KOR II items.
    browser.clickable("#sign-out").click();
    browser.signIn(base, lowAnalyst);
    browser.open(base + "#/items");
    browser.waitForText("#item-list-empty", "No items you may see yet.");
    search("Sohae");
    browser.waitForText("#item-list-empty", "No item you may see has a title containing “Sohae”.");
    assertThat(String.valueOf(browser.script("return document.body.innerText"))).doesNotContain("launch pad").doesNotContain("report 0");
  }
}
