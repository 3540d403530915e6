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
  private static final Pattern FEDERATION = Pattern.compile("^federation listener on https://([^:\\s]+):(\\d+)");
  private static final Pattern READY = Pattern.compile("^pactbridge node (\\S+) ready$");

  private final Process process;
  private final String party;
  private final URI url;
  private final Optional<String> adminToken;
  private final Path home;
  private final int federationPort;

  private NodeProcess(Process process, Started started, Path home) {
    this.process = process;
    this.party = started.party;
    this.url = started.url;
    this.adminToken = started.token;
    this.federationPort = started.federationPort;
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
        return new NodeProcess(process, s, home);
      } catch (TimeoutException | ExecutionException e) {
        process.destroyForcibly();
        throw new IllegalStateException("the node in " + home + " did not print its ready line within " + timeout.toSeconds() + " s; the end of "
            + log + ":\n" + tail(log), e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a node in " + home, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting a node in " + home, e);
    }
  }

  private record Started(String party, URI url, Optional<String> token, int federationPort) {}

  /**
   * Reads serve's start lines up to its last one, {@code pactbridge node X ready}: where it listens, the
   * admin's token on a first start (the line after {@code First start}), and the federation listener's port.
   */
  private static Started readStart(Process process) {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      String party = null;
      URI url = null;
      String token = null;
      int federationPort = -1;
      boolean tokenNext = false;
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        Matcher listening = LISTENING.matcher(line);
        Matcher federation = FEDERATION.matcher(line);
        if (tokenNext) {
          token = line.strip();
          tokenNext = false;
        } else if (listening.find()) {
          party = listening.group(1);
          url = URI.create(listening.group(2) + "://" + listening.group(3) + ":" + listening.group(4));
        } else if (line.startsWith("First start")) {
          tokenNext = true;
        } else if (federation.find()) {
          federationPort = Integer.parseInt(federation.group(2));
        } else if (READY.matcher(line).matches()) {
          if (url == null) {
            throw new IllegalStateException("the node printed its ready line without the line that says where it listens");
          }
          drain(process);
          return new Started(party, url, Optional.ofNullable(token), federationPort);
        }
      }
      throw new IllegalStateException("the node exited with status " + process.waitFor() + " before it was ready");
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

  /** The federation listener's port, or -1 when the node has none. */
  int federationPort() {
    return federationPort;
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
    awaitExit(Duration.ofSeconds(20));
  }

  /**
   * Waits for the process to end by itself (a crash point halting it, for example).
   *
   * @return its exit status, or empty when it is still running after {@code timeout}
   */
  Optional<Integer> awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(process.exitValue()) : Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The exit status, or empty while the process runs. */
  Optional<Integer> exitStatus() {
    return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
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
}
