package org.pactbridge.web.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: no browser download, no network
 * beyond loopback, a fresh profile per run. The flags are those CI needs as root. Screenshots go to
 * {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of(System.getProperty("pactbridge.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("pactbridge.chromedriver", "/usr/bin/chromedriver"));

  /** Selenium warns that it has no DevTools bindings for this Chromium; the tests use none. Held so the setting stays. */
  private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  private final Path profile;
  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final Path screenshots;
  /** axe-core's findings kept by {@link #checkAccessibility} until {@link #takeViolations}. */
  private final List<String> violations = new java.util.ArrayList<>();

  Browser() throws IOException {
    this(null);
  }

  /** A browser that saves downloads in {@code downloads} without asking (null: Chromium's default). */
  Browser(Path downloads) throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
          + " (Debian packages chromium, chromium-driver, fonts-noto-cjk; see web/ci-install.sh)");
    }
    CDP_LOG.setLevel(java.util.logging.Level.OFF);
    profile = Files.createTempDirectory("pactbridge-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-extensions", "--disable-default-apps", "--lang=en-US", "--window-size=1440,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    if (downloads != null) {
      options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
          "download.prompt_for_download", false));
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withLogOutput(java.io.OutputStream.nullOutputStream())
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    screenshots = Path.of("target", "screenshots");
    Files.createDirectories(screenshots);
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement find(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  WebElement clickable(String css) {
    return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  void waitFor(String what, java.util.function.Supplier<Boolean> condition) {
    new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(what).until(ignored -> condition.get());
  }

  /** The text of the first element matching {@code css}, or "" when there is none; read in one step, never stale. */
  String text(String css) {
    Object text = script("const element = document.querySelector(arguments[0]); return element ? element.innerText : '';", css);
    return text == null ? "" : text.toString();
  }

  /** An attribute of the first element matching {@code css} ("" when absent), read in one step. */
  String attr(String css, String name) {
    Object value = script("const element = document.querySelector(arguments[0]); return element ? element.getAttribute(arguments[1]) : null;", css, name);
    return value == null ? "" : value.toString();
  }

  void waitForText(String css, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Saves the viewport as {@code target/screenshots/NAME.png} and returns the file. */
  Path screenshot(String name) throws IOException {
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Path target = screenshots.resolve(name + ".png");
    Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  /**
   * axe-core's serious and critical violations on the page as it is now, one line each ("rule (impact):
   * targets"). axe is injected by WebDriver, which the page's Content-Security-Policy does not govern.
   */
  List<String> accessibilityViolations() {
    com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder().analyze(driver);
    return results.getViolations().stream()
        .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
        .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream()
            .map(node -> String.valueOf(node.getTarget())).limit(5).toList())
        .toList();
  }

  /** Runs axe-core on the page as it is now and keeps its serious or critical violations, named by {@code state}. */
  void checkAccessibility(String state) {
    accessibilityViolations().forEach(violation -> violations.add(state + ": " + violation));
  }

  /** The violations {@link #checkAccessibility} kept since the last call; the list is emptied. */
  List<String> takeViolations() {
    List<String> found = List.copyOf(violations);
    violations.clear();
    return found;
  }

  /** Signs in at {@code base} with an API token through the sign-in form, and waits for the network page it leads to. */
  void signIn(String base, String token) {
    open(base + "#/signin");
    WebElement input = find("#signin-token");
    input.clear();
    input.sendKeys(token);
    clickable("#signin-submit").click();
    find("#sign-out");
    find("#network");
  }

  void signOut() {
    clickable("#sign-out").click();
    find("#signin-form");
  }

  /** Sets a date input as a user's pick does: the value, then the change event. */
  void setDate(WebElement input, String date) {
    script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, date);
  }

  /** A list a script returned, as strings. */
  static List<String> strings(Object list) {
    return ((List<?>) list).stream().map(String::valueOf).toList();
  }

  /** Ends a test class's browser and node, either of which may not have started. */
  static void closeAll(Browser browser, TestNode node) throws IOException {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (node != null) {
        node.close();
      }
    }
  }

  /** Prints the console since the last call to the test's output: page errors are part of a failure's story. */
  void printConsole() {
    console().forEach(line -> System.out.println("[browser] " + line));
  }

  /** The browser console since the last call: page errors show up here. */
  List<String> console() {
    return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
