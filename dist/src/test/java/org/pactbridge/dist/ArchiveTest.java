package org.pactbridge.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a user gets it: unpacked in an empty folder and run there, with a PATH that
 * holds no Maven and no Java (the launcher finds Java through JAVA_HOME), nothing of the sources beside
 * it, and a data folder of its own. Runs after {@code package}, on the archive that the build just made.
 */
class ArchiveTest {
  private static final String VERSION = Release.VERSION;
  /** Hang guard for one command; a healthy command takes seconds. Not an assertion on speed. */
  private static final long GUARD_SECONDS = 180;

  @TempDir static Path dir;
  private static Path home;
  private static Path data;
  private static Path tools;

  record Run(int status, String out, String err) {}

  @BeforeAll
  static void unpack() throws Exception {
    home = Release.unpack(dir);
    data = Files.createDirectories(dir.resolve("data"));
    // The launcher's PATH: the two tools it calls, nothing else (no java, no mvn).
    tools = Files.createDirectories(dir.resolve("tools"));
    for (String tool : List.of("readlink", "dirname")) {
      Files.createSymbolicLink(tools.resolve(tool), which(tool));
    }
  }

  @Test
  void theArchiveHoldsTheLauncherTheJarTheSettingsTheUnitTheCompletionAndTheDocs() {
    assertThat(home.resolve("bin/pactbridge")).isExecutable();
    assertThat(home.resolve("lib/pactbridge.jar")).isRegularFile();
    assertThat(home.resolve("etc/pactbridge.conf")).content().contains("PACTBRIDGE_HOME=/var/lib/pactbridge", "PACTBRIDGE_SERVE_ARGS=");
    assertThat(home.resolve("systemd/pactbridge.service")).content()
        .contains("User=pactbridge", "EnvironmentFile=/etc/pactbridge/pactbridge.conf", "ExecStart=/usr/bin/pactbridge serve $PACTBRIDGE_SERVE_ARGS",
            "StateDirectory=pactbridge");
    assertThat(home.resolve("share/bash-completion/completions/pactbridge")).content().contains("complete -F", "pactbridge");
    assertThat(home.resolve("CHANGELOG.md")).content().contains("## " + VERSION.replace("-SNAPSHOT", ""));
    assertThat(home.resolve("README.md")).isRegularFile();
    assertThat(home.resolve("docs/quickstart.md")).isRegularFile();
    assertThat(home.resolve("docs/cli.md")).isRegularFile();
  }

  @Test
  void versionGivesTheVersionTheCommitAndTheBuildDate() throws Exception {
    Run run = pactbridge("--version");
    assertThat(run.status()).isZero();
    assertThat(run.out().strip())
        .matches("pactbridge " + Pattern.quote(VERSION) + " \\(commit ([0-9a-f]{7,40}(-dirty)?|unknown), built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)");
  }

  @Test
  void checkAnswersOnStandardOutputAlone() throws Exception {
    Run text = pactbridge("check", "--originator", "KOR", "--level", "II", "--to", "JPN", "--topics", "dprk-missile", "--at", "2017-01-05");
    assertThat(text.status()).isZero();
    assertThat(text.out()).startsWith("PERMIT  KOR:II held by KOR -> JPN at 2017-01-05T00:00:00Z\n");
    assertThat(text.err()).isEmpty();
    Run json = pactbridge("check", "--originator", "KOR", "--level", "II", "--to", "JPN", "--at", "2011-01-05", "--json");
    assertThat(json.status()).isZero();
    assertThat(json.out()).startsWith("{").endsWith("}\n").contains("\"decision\":\"DENY\"");
    Run bad = pactbridge("check", "--originator", "KOR", "--level", "IV", "--to", "JPN");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err()).isEqualTo("pactbridge: unknown level 'IV' for party KOR (known: UNCLASSIFIED, III, II, I)\n");
  }

  @Test
  void helpGivesAManualPage() throws Exception {
    Run run = pactbridge("help", "audit", "verify");
    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("NAME\n    pactbridge audit verify - ")
        .contains("\nSYNOPSIS\n", "\nOPTIONS\n", "\nEXIT STATUS\n", "the audit chain did not verify", "\nENVIRONMENT\n", "\nSEE ALSO\n");
  }

  @Test
  void theCompletionScriptIsValidBash() throws Exception {
    Process bash = new ProcessBuilder("bash", "-n", home.resolve("share/bash-completion/completions/pactbridge").toString())
        .redirectErrorStream(true).start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).as(output).isZero();
  }

  /** serve on a free port, GET /health, stop it as systemd would (SIGTERM), then audit verify on what it wrote. */
  @Test
  void serveAnswersHealthAndItsAuditLogVerifies() throws Exception {
    Path node = Files.createDirectories(data.resolve("node"));
    ProcessBuilder builder = launcher(node, "serve", "--port", "0");
    Path errFile = dir.resolve("serve.err");
    builder.redirectError(errFile.toFile());
    Process serve = builder.start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
      String listening = out.readLine();
      assertThat(listening).as("serve's first line; standard error: %s", Files.exists(errFile) ? Files.readString(errFile) : "")
          .startsWith("pactbridge node KOR listening on http://127.0.0.1:");
      Matcher port = Pattern.compile("127\\.0\\.0\\.1:(\\d+) ").matcher(listening);
      assertThat(port.find()).isTrue();
      assertThat(out.readLine()).startsWith("First start: created user 'admin'");
      assertThat(out.readLine()).matches("  \\S{20,}");
      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"party\":\"KOR\"");
    } finally {
      serve.destroy();
      assertThat(serve.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
    }
    // quiet: no library INFO lines (Flyway, Jetty, Javalin) on standard error
    assertThat(Files.readString(errFile)).doesNotContain(" INFO ");
    Run verify = run(launcher(node, "audit", "verify"));
    assertThat(verify.status()).as(verify.err()).isZero();
    assertThat(verify.out()).matches("OK: \\d+ entries, head [0-9a-f]{64}, \\d+ signed checkpoints?\n");
    assertThat(verify.err()).isEmpty();
    // --verbose: the same answer, and the libraries' informational lines on standard error
    Run verbose = run(launcher(node, "audit", "verify", "--verbose"));
    assertThat(verbose.status()).isZero();
    assertThat(verbose.out()).isEqualTo(verify.out());
    assertThat(verbose.err()).contains(" INFO ", "Flyway");
  }

  /** systemd-analyze verify on the unit, its ExecStart pointed at the unpacked launcher (nothing is installed here). */
  @Test
  void theSystemdUnitVerifies() throws Exception {
    Path analyze = Release.findOnPath("systemd-analyze");
    assumeTrue(analyze != null, "systemd-analyze is not on this machine's PATH: pactbridge.service was not verified");
    Path unitDir = Files.createDirectories(dir.resolve("unit"));
    Path unit = unitDir.resolve("pactbridge.service");
    Files.writeString(unit, Files.readString(home.resolve("systemd/pactbridge.service"))
        .replace("/usr/bin/pactbridge", home.resolve("bin/pactbridge").toString()));
    Process process = new ProcessBuilder(analyze.toString(), "verify", unit.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).as("systemd-analyze's findings on the unit").doesNotContain("pactbridge.service:");
  }

  /** With -Pdist: the Debian package holds the same files in their Debian places and its launcher runs. */
  @Test
  void theDebianPackageHoldsTheReleaseInItsPlaces() throws Exception {
    String deb = System.getProperty("pactbridge.deb", "");
    assumeTrue(!deb.isBlank() && !deb.startsWith("$"), "no Debian package in this build (mvn -Pdist makes one)");
    Path dpkgDeb = Release.findOnPath("dpkg-deb");
    assumeTrue(dpkgDeb != null, "dpkg-deb is not on this machine's PATH: the Debian package was not inspected");
    Run info = run(new ProcessBuilder(dpkgDeb.toString(), "--info", deb));
    assertThat(info.status()).as(info.err()).isZero();
    assertThat(info.out()).contains("Package: pactbridge", "Architecture: all", "postinst", "conffiles");
    Run contents = run(new ProcessBuilder(dpkgDeb.toString(), "--contents", deb));
    assertThat(contents.out()).contains("./usr/share/pactbridge/lib/pactbridge.jar", "./usr/share/pactbridge/bin/pactbridge",
        "./usr/bin/pactbridge -> /usr/share/pactbridge/bin/pactbridge", "./etc/pactbridge/pactbridge.conf",
        "./lib/systemd/system/pactbridge.service", "./usr/share/bash-completion/completions/pactbridge",
        "./usr/share/doc/pactbridge/CHANGELOG.md", "./usr/share/doc/pactbridge/docs/quickstart.md");
    Path root = Files.createDirectories(dir.resolve("deb-root"));
    assertThat(run(new ProcessBuilder(dpkgDeb.toString(), "-x", deb, root.toString())).status()).isZero();
    Run version = run(launcherAt(root.resolve("usr/share/pactbridge/bin/pactbridge"), data, "--version"));
    assertThat(version.out()).startsWith("pactbridge " + VERSION + " (commit ");
  }

  private static Run pactbridge(String... args) throws Exception {
    return run(launcher(data, args));
  }

  private static ProcessBuilder launcher(Path dataDir, String... args) {
    return launcherAt(home.resolve("bin/pactbridge"), dataDir, args);
  }

  private static ProcessBuilder launcherAt(Path launcher, Path dataDir, String... args) {
    List<String> command = new ArrayList<>(List.of("/bin/sh", launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().clear();
    builder.environment().put("PATH", tools.toString());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("PACTBRIDGE_HOME", dataDir.toString());
    builder.environment().put("HOME", dataDir.toString());
    builder.environment().put("LANG", "C.UTF-8");
    return builder;
  }

  private static Run run(ProcessBuilder builder) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)).as("%s finished", builder.command()).isTrue();
    return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private static Path which(String tool) throws IOException {
    Path found = Release.findOnPath(tool);
    if (found == null) {
      throw new IOException(tool + " is not on the PATH");
    }
    return found;
  }
}
