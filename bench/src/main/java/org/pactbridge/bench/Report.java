package org.pactbridge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code docs/benchmarks.md} from JMH's CSV results and the gate's output:
 * {@code Report <jmh.csv> <gate.txt> <out.md> <command> <load before> <load after>}. Every figure is
 * converted to nanoseconds per operation before ratios are taken.
 */
public final class Report {
  private Report() {}

  /** One JMH result row. */
  record Row(String benchmark, String mode, double score, double error, String unit, Map<String, String> params) {
    double nanos() {
      return toNanos(score, unit);
    }

    double errorNanos() {
      return Double.isNaN(error) ? Double.NaN : toNanos(error, unit);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 6) {
      System.err.println("usage: Report <jmh.csv> <gate.txt> <out.md> <command> <load before> <load after>");
      System.exit(2);
    }
    List<Row> rows = read(Path.of(args[0]));
    String gate = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8).strip();
    String markdown = render(rows, gate, args[3], args[4], args[5]);
    Files.createDirectories(Path.of(args[2]).toAbsolutePath().getParent());
    Files.writeString(Path.of(args[2]), markdown, StandardCharsets.UTF_8);
    System.out.println("wrote " + args[2]);
  }

  static List<Row> read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String> header = split(lines.get(0));
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = split(line);
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 7; i < header.size() && i < cells.size(); i++) {
        if (!cells.get(i).isEmpty()) {
          params.put(header.get(i).replace("Param: ", ""), cells.get(i));
        }
      }
      rows.add(new Row(cells.get(0), cells.get(1), number(cells.get(4)), number(cells.get(5)), cells.get(6), params));
    }
    return rows;
  }

  private static double number(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  static double toNanos(double value, String unit) {
    String perOp = unit.replace("/op", "");
    return switch (perOp) {
      case "ns" -> value;
      case "us" -> value * 1e3;
      case "ms" -> value * 1e6;
      case "s" -> value * 1e9;
      default -> throw new IllegalArgumentException("unexpected unit " + unit);
    };
  }

  static String human(double nanos) {
    if (Double.isNaN(nanos)) {
      return "–";
    }
    if (nanos < 1e3) {
      return String.format(Locale.ROOT, "%.0f ns", nanos);
    }
    if (nanos < 1e6) {
      return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }
    if (nanos < 1e9) {
      return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  private static Row find(List<Row> rows, String benchmark, String mode, String param, String value) {
    for (Row row : rows) {
      if (row.benchmark().endsWith(benchmark) && row.mode().equals(mode) && value.equals(row.params().get(param))) {
        return row;
      }
    }
    return null;
  }

  private static double nanos(Row row) {
    return row == null ? Double.NaN : row.nanos();
  }

  private static String withError(Row row) {
    if (row == null) {
      return "not run";
    }
    double error = row.errorNanos();
    return Double.isNaN(error) ? human(row.nanos()) : human(row.nanos()) + " ± " + human(error);
  }

  static String render(List<Row> rows, String gate, String command, String loadBefore, String loadAfter) {
    StringBuilder out = new StringBuilder();
    out.append("# Benchmarks\n\n");
    out.append("Written by `bench/run.sh`; do not edit by hand. Every figure below was measured in one run, in one JVM per benchmark (JMH forks), ")
        .append("on the machine described here.\n\n");
    out.append("## Machine\n\n");
    out.append("| | |\n|---|---|\n");
    out.append("| date | ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" |\n");
    out.append("| CPU | ").append(cpu()).append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores visible |\n");
    out.append("| memory | ").append(memory()).append(" |\n");
    out.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version")).append(' ')
        .append(System.getProperty("os.arch")).append(" |\n");
    out.append("| JVM | ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.runtime.version"))
        .append(" (").append(System.getProperty("java.vm.vendor")).append(") |\n");
    out.append("| load average (1, 5, 15 min) | before: ").append(loadBefore).append("; after: ").append(loadAfter).append(" |\n");
    out.append("| command | `").append(command).append("` |\n\n");
    out.append("The machine is shared (2 cores, other builds and benchmarks running at the same time): the figures are noisy, ")
        .append("and the load averages above say how noisy. JMH settings: 1 fork, 2 × 1 s warm-up (4 × 2 s for the route search), 3 × 1 s measurement ")
        .append("(batches of 10,000 through a peer: 1 warm-up and 2 measured single shots). ± is JMH's 99.9 % confidence half-width.\n\n");

    out.append("## Differential gate\n\n");
    out.append("Before anything is timed, every peer must give Pactbridge's verdict (outcome, recipient level, every reason code) ")
        .append("on a stratified sample of 10,000 of the 100,000 generated requests that covers every reason code; ")
        .append("each benchmark fork checks its peer again on the requests it times. `mvn -Pgate-full -pl bench -am verify` checks all 100,000.\n\n");
    out.append("```\n").append(gate).append("\n```\n\n");

    out.append("## Pactbridge alone (issue 2's targets, one core)\n\n");
    out.append("| world | direct decision, mean | direct decision, median | route search, mean | route search, median | 10,000 decisions |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (String world : List.of("reference", "generated")) {
      out.append("| ").append(world).append(" | ")
          .append(withError(find(rows, "PactbridgeBenchmark.direct", "avgt", "world", world))).append(" | ")
          .append(human(nanos(find(rows, "PactbridgeBenchmark.direct:p0.50", "sample", "world", world)))).append(" | ")
          .append(withError(find(rows, "PactbridgeBenchmark.route", "sample", "world", world))).append(" | ")
          .append(human(nanos(find(rows, "PactbridgeBenchmark.route:p0.50", "sample", "world", world)))).append(" | ")
          .append(withError(find(rows, "PactbridgeBenchmark.batch10k", "avgt", "world", world))).append(" |\n");
    }
    out.append("\nThe floor under a direct decision: reading the same requests' own fields as the engine does, with no agreement consulted ")
        .append("(`PactbridgeBenchmark.readRequest`, `RequestFloor`), in the same run.\n\n");
    out.append("| world | reading the request, mean | reading the request, median | direct decision ÷ reading the request (means) |\n");
    out.append("|---|---|---|---|\n");
    for (String world : List.of("reference", "generated")) {
      Row floor = find(rows, "PactbridgeBenchmark.readRequest", "avgt", "world", world);
      Row direct = find(rows, "PactbridgeBenchmark.direct", "avgt", "world", world);
      out.append("| ").append(world).append(" | ")
          .append(withError(floor)).append(" | ")
          .append(human(nanos(find(rows, "PactbridgeBenchmark.readRequest:p0.50", "sample", "world", world)))).append(" | ")
          .append(floor == null || direct == null ? "–" : String.format(Locale.ROOT, "%.1f×", direct.nanos() / floor.nanos()))
          .append(" |\n");
    }
    out.append("\nA sampled median includes the timer: two `System.nanoTime` calls around each sampled operation. ")
        .append("`PactbridgeBenchmark.timer` samples an operation that does next to nothing, in the same run; ")
        .append("the sampled median less the timer's is the operation's own median. The means (average-time mode) time whole ")
        .append("batches and carry no timer cost per operation.\n\n");
    out.append("| world | timer, sampled median | direct decision, sampled median less the timer's | route search, sampled median less the timer's |\n");
    out.append("|---|---|---|---|\n");
    for (String world : List.of("reference", "generated")) {
      double timer = nanos(find(rows, "PactbridgeBenchmark.timer:p0.50", "sample", "world", world));
      out.append("| ").append(world).append(" | ")
          .append(human(timer)).append(" | ")
          .append(human(nanos(find(rows, "PactbridgeBenchmark.direct:p0.50", "sample", "world", world)) - timer)).append(" | ")
          .append(human(nanos(find(rows, "PactbridgeBenchmark.route:p0.50", "sample", "world", world)) - timer)).append(" |\n");
    }
    out.append("\nTargets: a direct decision ≤ 100 ns (median), a route search ≤ 5 µs. ")
        .append("The direct decision cycles through 1,024 different requests (every outcome, holders that are not the originator, users); ")
        .append("the route search through requests between parties with no direct agreement for which a route exists ")
        .append("(on the generated world, about half need three hops). Medians come from JMH's sample mode.\n\n");

    out.append("## Against the peers (generated world: 200 parties, 5,000 agreements)\n\n");
    out.append("| workload | pactbridge |");
    for (String peer : Peers.ENGINES) {
      out.append(' ').append(peer).append(" | ratio |");
    }
    out.append("\n|---|---|");
    for (int i = 0; i < Peers.ENGINES.size(); i++) {
      out.append("---|---|");
    }
    out.append('\n');
    workload(out, rows, "single decision", "PactbridgeBenchmark.direct", "avgt", "PeerBenchmark.direct", "avgt");
    workload(out, rows, "batch of 10,000 decisions", "PactbridgeBenchmark.batch10k", "avgt", "PeerBenchmark.batch10k", "ss");
    workload(out, rows, "relay for a pair with no direct agreement", "PactbridgeBenchmark.route", "sample", "PeerBenchmark.route", "avgt");
    out.append("\nRatio: the peer's time divided by Pactbridge's (goal for single decisions: ≥ 1,000×). ")
        .append("The peers hold the agreements as their own policies (one policy line, policy or rule per in-force window and level, ")
        .append("sliced per party pair); rules 1, 2, 3, 5 and 6, which read only the request, are the same small Java glue for every peer. ")
        .append("Pactbridge's relay is its full route search over every intermediary (ranked, up to three hops); ")
        .append("a peer's relay asks both hops through each of the 10 hubs, so the peer does less work than Pactbridge here.\n\n");

    List<Row> others = new ArrayList<>();
    for (Row row : rows) {
      if (!row.benchmark().contains("PactbridgeBenchmark") && !row.benchmark().contains("PeerBenchmark")) {
        others.add(row);
      }
    }
    out.append("## Other benchmarks in this run\n\n");
    if (others.isEmpty()) {
      out.append("None. (Filtering 1,000,000 items for one user against accumulo-access belongs to the labels benchmarks, ")
          .append("`org.pactbridge.bench.label`; `bench/run.sh` runs them when they are there.)\n");
    } else {
      out.append("| benchmark | mode | parameters | score |\n|---|---|---|---|\n");
      for (Row row : others) {
        out.append("| ").append(row.benchmark().replace("org.pactbridge.bench.", "")).append(" | ").append(row.mode()).append(" | ")
            .append(row.params()).append(" | ").append(withError(row)).append(" |\n");
      }
    }
    return out.toString();
  }

  private static void workload(StringBuilder out, List<Row> rows, String name, String ours, String ourMode, String theirs, String theirMode) {
    Row pactbridge = find(rows, ours, ourMode, "world", "generated");
    out.append("| ").append(name).append(" | ").append(withError(pactbridge)).append(" |");
    for (String peer : Peers.ENGINES) {
      Row row = find(rows, theirs, theirMode, "peer", peer);
      out.append(' ').append(withError(row)).append(" | ");
      if (row == null || pactbridge == null) {
        out.append("–");
      } else {
        out.append(String.format(Locale.ROOT, "%,.0f×", row.nanos() / pactbridge.nanos()));
      }
      out.append(" |");
    }
    out.append('\n');
  }

  private static String cpu() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.arch");
  }

  private static String memory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal")) {
          long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.format(Locale.ROOT, "%.0f GiB", kib / 1024.0 / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return "unknown";
  }
}
