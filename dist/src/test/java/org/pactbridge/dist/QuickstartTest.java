package org.pactbridge.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs docs/quickstart.md as a newcomer would: its {@code console} blocks, in order, in one bash session,
 * with the release archive's {@code bin} first on the PATH and an empty home folder. Each command must
 * exit 0 and print exactly the lines the page shows, {@code …} standing for any text. Two markers in the
 * page say what a reader does by hand: {@code <!-- quickstart: serve -->} starts the next block's node in
 * the background (on a free port, shown to the page as 8080, its admin token put where the page writes
 * {@code pbt_…}), {@code <!-- quickstart: stop -->} stops it as Ctrl-C would.
 */
class QuickstartTest {
  private static final Path PAGE = Path.of("..", "docs", "quickstart.md");
  private static final String PAGE_PORT = "127.0.0.1:8080";
  private static final long GUARD_SECONDS = 600;

  @TempDir Path dir;

  enum Kind { RUN, SERVE, STOP_THEN_RUN }

  record Step(int index, Kind kind, String command, List<String> expected) {}

  @TestFactory
  Stream<DynamicTest> everyStepPrintsWhatThePageShows() throws Exception {
    for (String tool : List.of("bash", "curl", "jq")) {
      assertThat(Release.findOnPath(tool)).as("%s is needed by the quickstart (.ci/run installs it): install it", tool).isNotNull();
    }
    List<Step> steps = steps(Files.readAllLines(PAGE, StandardCharsets.UTF_8));
    assertThat(steps).as("steps of " + PAGE).hasSizeGreaterThan(15);
    assertThat(steps.stream().filter(step -> step.kind() == Kind.SERVE)).hasSize(1);
    Path home = Release.unpack(dir);
    Path work = Files.createDirectories(dir.resolve("work"));
    Path script = work.resolve("quickstart.sh");
    Files.writeString(script, script(steps), StandardCharsets.UTF_8);
    ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).directory(work.toFile())
        .redirectErrorStream(true).redirectOutput(work.resolve("script.log").toFile());
    bash.environment().remove("JAVA_OPTS");
    bash.environment().put("PATH", home.resolve("bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    bash.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Path userHome = Files.createDirectories(dir.resolve("home"));
    bash.environment().put("HOME", userHome.toString());
    // Java takes the home folder from the password database, not $HOME: the page's data folder
    // (~/.local/share/pactbridge) is given explicitly, so that nothing is written outside the test's folder.
    bash.environment().put("PACTBRIDGE_HOME", userHome.resolve(".local/share/pactbridge").toString());
    bash.environment().put("LANG", "C.UTF-8");
    // curl reads ~/.curlrc: a request that gets no answer fails instead of hanging the session
    Files.writeString(userHome.resolve(".curlrc"), "max-time = 120\n");
    Process process = bash.start();
    if (!process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("the quickstart did not finish; its log:\n" + log(work));
    }
    String port = Files.exists(work.resolve("port")) ? Files.readString(work.resolve("port")).strip() : "none";
    return steps.stream().map(step -> DynamicTest.dynamicTest(step.index() + ": " + step.command().lines().findFirst().orElse(""), () -> {
      Path out = work.resolve("out." + step.index());
      assertThat(out).as("step %d ran (script log: %s)", step.index(), log(work)).exists();
      String printed = Files.readString(out, StandardCharsets.UTF_8).replace("127.0.0.1:" + port, PAGE_PORT);
      assertThat(Files.readString(work.resolve("status." + step.index())).strip()).as("exit status of %s; printed:%n%s", step.command(), printed)
          .isEqualTo("0");
      List<String> lines = printed.lines().toList();
      assertThat(lines).as("%s printed:%n%s", step.command(), printed).hasSameSizeAs(step.expected());
      for (int i = 0; i < lines.size(); i++) {
        assertThat(lines.get(i)).as("%s, line %d", step.command(), i + 1).matches(pattern(step.expected().get(i)));
      }
    }));
  }

  /** The page's console blocks: a line starting with "$ " is a command (continued by a trailing backslash), the lines after it its output. */
  static List<Step> steps(List<String> page) {
    List<Step> steps = new ArrayList<>();
    Kind next = Kind.RUN;
    boolean inConsole = false;
    boolean firstOfBlock = false;
    Kind blockKind = Kind.RUN;
    StringBuilder command = null;
    List<String> expected = null;
    boolean continued = false;
    for (String line : page) {
      if (!inConsole) {
        if (line.equals("<!-- quickstart: serve -->")) {
          next = Kind.SERVE;
        } else if (line.equals("<!-- quickstart: stop -->")) {
          next = Kind.STOP_THEN_RUN;
        } else if (line.equals("```console")) {
          inConsole = true;
          firstOfBlock = true;
          blockKind = next;
          next = Kind.RUN;
        }
        continue;
      }
      if (line.startsWith("```")) {
        inConsole = false;
        continue;
      }
      if (continued) {
        command.append('\n').append(line);
        continued = line.endsWith("\\");
      } else if (line.startsWith("$ ")) {
        command = new StringBuilder(line.substring(2));
        expected = new ArrayList<>();
        steps.add(new Step(steps.size() + 1, firstOfBlock ? blockKind : Kind.RUN, "", expected));
        firstOfBlock = false;
        continued = line.endsWith("\\");
      } else {
        expected.add(line);
      }
      if (command != null) {
        Step last = steps.get(steps.size() - 1);
        steps.set(steps.size() - 1, new Step(last.index(), last.kind(), command.toString(), last.expected()));
      }
    }
    return steps;
  }

  /** One bash session: each step's output and status in files of its own; the node in the background. */
  static String script(List<Step> steps) {
    StringBuilder script = new StringBuilder("""
        set -u
        SERVE_PID=
        trap '[ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null' EXIT
        """);
    for (Step step : steps) {
      int i = step.index();
      script.append("echo \"quickstart: step ").append(i).append(" ($(date +%T))\"\n");
      String command = step.command().replace(PAGE_PORT, "127.0.0.1:$PORT").replace("pbt_…", "$ADMIN_TOKEN");
      switch (step.kind()) {
        case SERVE -> script.append(command).append(" --port 0 > serve.out 2> serve.err &\n").append("""
            SERVE_PID=$!
            # wait for the start's last line (ready), for the node to die, or 5 minutes (a guard)
            for _ in $(seq 1 1500); do
              grep -q ' ready$' serve.out && break
              kill -0 "$SERVE_PID" 2>/dev/null || break
              sleep 0.2
            done
            PORT=$(sed -n 's/.*127\\.0\\.0\\.1:\\([0-9]*\\) .*/\\1/p' serve.out | head -n 1)
            ADMIN_TOKEN=$(sed -n 3p serve.out | tr -d ' ')
            echo "$PORT" > port
            """).append("cat serve.out serve.err > out.").append(i).append('\n')
            .append("kill -0 \"$SERVE_PID\" 2>/dev/null; echo $? > status.").append(i).append('\n');
        case STOP_THEN_RUN, RUN -> {
          if (step.kind() == Kind.STOP_THEN_RUN) {
            script.append("echo 'quickstart: stopping the node'; kill \"$SERVE_PID\"; wait \"$SERVE_PID\" 2>/dev/null;"
                + " echo \"quickstart: the node stopped with status $?\"; SERVE_PID=\n");
          }
          script.append("{ ").append(command).append("\n} > out.").append(i).append(" 2>&1\n")
              .append("echo $? > status.").append(i).append('\n');
        }
        default -> throw new IllegalStateException(step.kind().name());
      }
    }
    return script.toString();
  }

  /** A page line as a pattern: literal text, "…" for any text. */
  static String pattern(String line) {
    return Arrays.stream(line.split("…", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
  }

  private static String log(Path work) throws IOException {
    Path log = work.resolve("script.log");
    return Files.exists(log) ? Files.readString(log) : "(none)";
  }
}
