package org.pactbridge.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node running as its own operating-system process: {@code pactbridge serve} in a child JVM on this
 * JVM's class path, with its own data folder ({@code PACTBRIDGE_HOME}), so that it has its own store,
 * keys and head file, and can be killed with {@code SIGKILL} like a machine that loses power. The
 * federation demonstration starts its three nations' nodes this way, and the fault tests kill them.
 *
 * <p>The child's standard output is read for the line {@code serve} prints when it listens (its port)
 * and, on first start, the admin's one-time token; its standard error goes to {@code serve.log} in
 * the data folder.
 */
final class NodeProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("pactbridge node (\\S+) listening on (https?)://([^:\\s]+):(\\d+)");

  private final Process process;
  private final String party;
  private final URI url;
  private final Optional<String> adminToken;
  private final Path home;

  private NodeProcess(Process process, String party, URI url, Optional<String> adminToken, Path home) {
    this.process = process;
    this.party = party;
    this.url = url;
    this.adminToken = adminToken;
    this.home = home;
  }

  /**
   * Starts {@code serve} with {@code serveArgs} (after {@code serve}; give {@code --port 0} for a free
   * port) and waits until it listens.
   *
   * @throws IllegalStateException naming the log file when the node exits or does not listen in time
   */
  static NodeProcess start(Path home, List<String> serveArgs, Map<String, String> environment, Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.add("-Xmx512m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("serve");
    command.addAll(serveArgs);
    Path log = home.resolve("serve.log");
    try {
      Files.createDirectories(home);
      ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      builder.environment().put("PACTBRIDGE_HOME", home.toString());
      Process process = builder.start();
      CompletableFuture<Started> started = CompletableFuture.supplyAsync(() -> readStart(process));
      try {
        Started s = started.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return new NodeProcess(process, s.party, s.url, s.token, home);
      } catch (TimeoutException | ExecutionException e) {
        process.destroyForcibly();
        throw new IllegalStateException("the node in " + home + " did not start listening within " + timeout.toSeconds() + " s; the end of "
            + log + ":\n" + tail(log), e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a node in " + home, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting a node in " + home, e);
    }
  }

  private record Started(String party, URI url, Optional<String> token) {}

  private static Started readStart(Process process) {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      String party = null;
      URI url = null;
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          party = m.group(1);
          url = URI.create(m.group(2) + "://" + m.group(3) + ":" + m.group(4));
          // On a first start serve prints two more lines at once (the token); on a later start nothing, so
          // waiting for a line would wait for ever: give them a few seconds to arrive.
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
          while (!out.ready() && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
          }
          String next = out.ready() ? out.readLine() : null;
          if (next != null && next.startsWith("First start")) {
            String token = out.readLine();
            drain(process);
            return new Started(party, url, Optional.ofNullable(token).map(String::strip));
          }
          drain(process);
          return new Started(party, url, Optional.empty());
        }
      }
      throw new IllegalStateException("the node exited with status " + process.waitFor() + " before listening");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Keeps reading the child's standard output, so that it never blocks on a full pipe. */
  private static void drain(Process process) {
    Thread drain = new Thread(() -> {
      try {
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      } catch (IOException ignored) {
        // the process ended
      }
    }, "node-stdout-drain");
    drain.setDaemon(true);
    drain.start();
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  String party() {
    return party;
  }

  /** The user-facing listener. */
  URI url() {
    return url;
  }

  long pid() {
    return process.pid();
  }

  Path home() {
    return home;
  }

  /** The admin token printed on first start; empty when the store already had users. */
  Optional<String> adminToken() {
    return adminToken;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** {@code SIGKILL}: no shutdown hook runs, as when the machine loses power. */
  void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  /** {@code SIGTERM}: the node's shutdown hook closes the listener and the store. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  private void awaitExit() {
    try {
      process.waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
