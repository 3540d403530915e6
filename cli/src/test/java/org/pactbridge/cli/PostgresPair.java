package org.pactbridge.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL primary and a streaming-replication standby made with the installed binaries ({@code
 * initdb}, {@code pg_basebackup}, {@code pg_ctl}) in a temporary folder, each on a port of its own, with
 * the standby as the primary's synchronous standby and {@code synchronous_commit = remote_apply}: a
 * commit is acknowledged only once the standby has applied it. The binaries refuse to run as root, so as
 * root they run as {@code postgres} ({@code runuser -u postgres --}) in folders that user owns.
 *
 * <p>For the failover test: {@link #killPrimary} is {@code kill -9} of the primary's postmaster and every
 * process under it at once (a crash of the database host, as far as the node can tell), {@link
 * #promoteStandby} is {@code pg_ctl promote} followed by clearing {@code synchronous_standby_names} on the
 * new primary, which has no standby of its own yet (else every commit would wait for one forever).
 */
final class PostgresPair implements AutoCloseable {
  static final String STANDBY_NAME = "standby1";

  private final Path bin;
  private final Path base;
  private final boolean asPostgres;
  final int primaryPort;
  final int standbyPort;

  private PostgresPair(Path bin, Path base, boolean asPostgres, int primaryPort, int standbyPort) {
    this.bin = bin;
    this.base = base;
    this.asPostgres = asPostgres;
    this.primaryPort = primaryPort;
    this.standbyPort = standbyPort;
  }

  /** The newest installed PostgreSQL's bin folder (/usr/lib/postgresql/N/bin), if its initdb, pg_basebackup and pg_ctl are there. */
  static Optional<Path> binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(version -> version.resolve("bin"))
          .filter(bin -> Stream.of("initdb", "pg_basebackup", "pg_ctl", "postgres").allMatch(tool -> Files.isExecutable(bin.resolve(tool))))
          .max(Comparator.comparingInt(PostgresPair::major));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int major(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D.*", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Whether this process is root (the binaries then run as postgres). */
  static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Makes and starts the primary, backs it up into the standby, starts the standby and waits until it streams synchronously. */
  static PostgresPair start(Path bin) throws Exception {
    Path base = Files.createTempDirectory("pactbridge-failover");
    boolean asPostgres = root();
    if (asPostgres) {
      UserPrincipal postgres = base.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      Files.setOwner(base, postgres);
    }
    PostgresPair pair = new PostgresPair(bin, base, asPostgres, freePort(), freePort());
    try {
      pair.run("initdb", "-D", pair.primary().toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-instructions");
      Files.writeString(pair.primary().resolve("postgresql.conf"), String.join("\n",
          "",
          "# written by PostgresPair for the failover test",
          "listen_addresses = '127.0.0.1'",
          "port = " + pair.primaryPort,
          "unix_socket_directories = '" + base + "'",
          "wal_level = replica",
          "max_wal_senders = 5",
          "hot_standby = on",
          "synchronous_standby_names = '" + STANDBY_NAME + "'",
          "synchronous_commit = remote_apply",
          "shared_buffers = 32MB",
          "max_connections = 40",
          ""), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
      pair.pgCtl("start", pair.primary(), "primary.log");
      pair.run("pg_basebackup", "-h", "127.0.0.1", "-p", String.valueOf(pair.primaryPort), "-U", "postgres", "-D", pair.standby().toString(),
          "-R", "-X", "stream", "-c", "fast");
      // The standby: its own port, and the name the primary waits for (later settings win).
      Files.writeString(pair.standby().resolve("postgresql.auto.conf"), String.join("\n",
          "",
          "port = " + pair.standbyPort,
          "primary_conninfo = 'host=127.0.0.1 port=" + pair.primaryPort + " user=postgres application_name=" + STANDBY_NAME + "'",
          ""), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
      pair.pgCtl("start", pair.standby(), "standby.log");
      pair.awaitSynchronousStandby();
      return pair;
    } catch (Exception | AssertionError e) {
      pair.close();
      throw e;
    }
  }

  Path primary() {
    return base.resolve("primary");
  }

  Path standby() {
    return base.resolve("standby");
  }

  /** A JDBC URL of a database on the primary alone. */
  String primaryUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/" + database + "?user=postgres";
  }

  /** A JDBC URL of a database on the standby alone. */
  String standbyUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + standbyPort + "/" + database + "?user=postgres";
  }

  /** The node's URL: both hosts, whichever is the primary (the driver tries them in order and keeps the one that accepts writes). */
  String failoverUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + primaryPort + ",127.0.0.1:" + standbyPort + "/" + database
        + "?user=postgres&targetServerType=primary&connectTimeout=5";
  }

  void createDatabase(String name) throws SQLException {
    try (Connection connection = DriverManager.getConnection(primaryUrl("postgres")); Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
  }

  private void awaitSynchronousStandby() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try (Connection connection = DriverManager.getConnection(primaryUrl("postgres")); Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT sync_state FROM pg_stat_replication WHERE application_name = '" + STANDBY_NAME + "'")) {
        if (row.next() && "sync".equals(row.getString(1))) {
          return;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the standby did not become the primary's synchronous standby within a minute; see " + base);
  }

  /** kill -9 of the primary's postmaster and all its processes at once. */
  void killPrimary() throws Exception {
    long postmaster = Long.parseLong(Files.readAllLines(primary().resolve("postmaster.pid")).get(0).strip());
    ProcessHandle handle = ProcessHandle.of(postmaster).orElseThrow(() -> new AssertionError("the primary is not running"));
    List<String> kill = new ArrayList<>(List.of("kill", "-9", String.valueOf(postmaster)));
    handle.descendants().forEach(child -> kill.add(String.valueOf(child.pid())));
    Process process = new ProcessBuilder(kill).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    process.waitFor(30, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (handle.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    if (handle.isAlive()) {
      throw new AssertionError("the primary's postmaster survived kill -9");
    }
  }

  /** Promotes the standby and lets it commit without a synchronous standby of its own. */
  void promoteStandby() throws Exception {
    run("pg_ctl", "-D", standby().toString(), "-w", "-t", "60", "promote");
    try (Connection connection = DriverManager.getConnection(standbyUrl("postgres")); Statement statement = connection.createStatement()) {
      statement.execute("ALTER SYSTEM SET synchronous_standby_names = ''");
      statement.execute("SELECT pg_reload_conf()");
    }
  }

  private void pgCtl(String action, Path dataDir, String log) throws Exception {
    run("pg_ctl", "-D", dataDir.toString(), "-l", base.resolve(log).toString(), "-w", "-t", "60", action);
  }

  private void run(String tool, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    if (asPostgres) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(tool).toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError(tool + " failed: " + output + logs());
    }
  }

  private String logs() {
    StringBuilder text = new StringBuilder();
    for (String log : List.of("primary.log", "standby.log")) {
      Path file = base.resolve(log);
      if (Files.isReadable(file)) {
        try {
          List<String> lines = Files.readAllLines(file);
          text.append("\n--- ").append(log).append(" (last lines)\n").append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
        } catch (IOException e) {
          // the output above is enough
        }
      }
    }
    return text.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Stops whatever still runs (immediately: nothing here is kept) and deletes the folder. */
  @Override
  public void close() {
    for (Path dataDir : List.of(standby(), primary())) {
      if (Files.exists(dataDir.resolve("postmaster.pid"))) {
        try {
          run("pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "-w", "-t", "30", "stop");
        } catch (Exception | AssertionError e) {
          // already gone (the killed primary leaves its pid file behind)
        }
      }
    }
    delete(base);
  }

  private static void delete(Path path) {
    try {
      if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
          for (Path entry : entries) {
            delete(entry);
          }
        }
      }
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
