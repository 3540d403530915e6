package org.pactbridge.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * ZTDF in real headless Chromium: on an item's page, a disclosure officer whose decision for the US is a
 * permit today clicks "Export as ZTDF for USA"; the browser saves the archive, whose size and zip entries
 * are checked; an analyst, whom the node would refuse, is offered no export; the archive imported back
 * shows both labels and its assertions' status on the new item's page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZtdfBrowserTest {
  private static final String TITLE = "Harbour sensor layout";

  private TestNode node;
  private Browser browser;
  private String base;
  private String officer;
  private String analyst;
  private String item;
  private Path downloads;

  @BeforeAll
  void start() throws Exception {
    node = new RealNode();
    base = node.baseUrl();
    NodeApi api = new NodeApi(node);
    officer = api.account("ztdf-officer", "KOR", "I", List.of("originator", "disclosure-officer"));
    analyst = api.account("ztdf-analyst", "KOR", "I", List.of("analyst"));
    item = api.post(officer, "/api/v1/items", Map.of("marking", "//KOR II//REL TO USA", "topics", List.of("dprk-missile"),
        "content", "sensor positions (test content)", "title", TITLE)).get("id").asText();
    downloads = Files.createTempDirectory("pactbridge-downloads-");
    browser = new Browser(downloads);
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) {
      browser.printConsole();
    }
    Browser.closeAll(browser, node);
  }

  @Test
  void anOfficerExportsTheItemAndTheImportedArchiveShowsBothLabels() throws Exception {
    browser.signIn(base, analyst);
    browser.open(base + "#/items/" + item + "?to=USA");
    browser.waitForText("#decision-outcome", "PERMIT");
    assertThat(browser.all("#export-tdf")).as("the node refuses exports to analysts: no button").isEmpty();
    browser.signOut();

    browser.signIn(base, officer);
    browser.open(base + "#/items/" + item + "?to=USA");
    browser.waitForText("#decision-outcome", "PERMIT");
    assertThat(browser.text("#export-tdf")).isEqualTo("Export as ZTDF for USA");
    browser.clickable("#export-tdf").click();
    browser.waitForText("#exported", "Exported for USA as item-" + item + "-USA.tdf");
    browser.screenshot("60-ztdf-exported");
    Path saved = downloads.resolve("item-" + item + "-USA.tdf");
    browser.waitFor("the download", () -> Files.isRegularFile(saved) && !Files.exists(downloads.resolve(saved.getFileName() + ".crdownload")));
    String shown = browser.text("#exported");
    assertThat(shown).contains("(" + Files.size(saved) + " bytes)");
    try (ZipFile zip = new ZipFile(saved.toFile())) {
      assertThat(Collections.list(zip.entries())).extracting(ZipEntry::getName).containsExactly("0.payload", "0.manifest.json");
      assertThat(new String(zip.getInputStream(zip.getEntry("0.manifest.json")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .contains("\"tdf_spec_version\":\"4.3.0\"").doesNotContain(TITLE);
    }

    HttpResponse<String> imported = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "api/v1/items/imports"))
        .header("Authorization", "Bearer " + officer).header("Content-Type", "application/zip")
        .POST(HttpRequest.BodyPublishers.ofFile(saved)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
    JsonNode created = new ObjectMapper().readTree(imported.body());
    browser.open(base + "#/items/" + created.get("id").asText());
    browser.find("#item-archive");
    assertThat(browser.text("#archive-recipient")).isEqualTo("USA");
    assertThat(browser.text("#archive-agreement")).isNotBlank();
    assertThat(browser.text("#archive-assertions")).contains("pactbridge-originator-label: signature verified")
        .contains("pactbridge-alternative-label: signature verified");
    assertThat(browser.text("#archive-originator-label")).contains("<PolicyIdentifier>KOR</PolicyIdentifier>");
    assertThat(browser.text("#archive-alternative-label")).contains("<PolicyIdentifier>USA</PolicyIdentifier>");
    assertThat(browser.text("#item-name")).isEqualTo(TITLE);
    browser.screenshot("61-ztdf-imported-item");
    assertThat(browser.accessibilityViolations()).isEmpty();
  }
}
