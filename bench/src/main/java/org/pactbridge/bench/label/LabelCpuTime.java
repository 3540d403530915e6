package org.pactbridge.bench.label;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/**
 * A cross-check of {@link LabelBenchmark} on a shared machine: runs the same operations in one thread
 * and reports the thread's CPU time per operation, which other processes competing for the cores do not
 * inflate the way they inflate JMH's wall-clock scores. Not a replacement for JMH (no forks, no
 * blackholes beyond a summed result); run with
 * {@code java -cp bench/target/benchmarks.jar org.pactbridge.bench.label.LabelCpuTime}.
 */
public final class LabelCpuTime {
  private LabelCpuTime() {}

  public static void main(String[] args) {
    LabelBenchmark bench = new LabelBenchmark();
    bench.setUp();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] sink = {0};
    measure(threads, sink, "parseBanner", 1_000_000, () -> bench.parseBanner().hashCode());
    measure(threads, sink, "parseLongBanner", 300_000, () -> bench.parseLongBanner().hashCode());
    measure(threads, sink, "parsePortion", 1_000_000, () -> bench.parsePortion().hashCode());
    measure(threads, sink, "accessEvaluateParsed", 5_000_000, () -> bench.accessEvaluateParsed() ? 1 : 0);
    measure(threads, sink, "accessParseAndEvaluate", 5_000_000, () -> bench.accessParseAndEvaluate() ? 1 : 0);
    measure(threads, sink, "peerAccessEvaluateString", 5_000_000, () -> bench.peerAccessEvaluateString() ? 1 : 0);
    measure(threads, sink, "filterMillionInterned", 300, bench::filterMillionInterned);
    measure(threads, sink, "peerFilterMillionInterned", 300, bench::peerFilterMillionInterned);
    measure(threads, sink, "peerFilterMillionPerItem", 5, bench::peerFilterMillionPerItem);
    System.out.println("(checksum " + sink[0] + ")");
  }

  private static void measure(ThreadMXBean threads, long[] sink, String name, int operations, LongSupplier operation) {
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long start = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < operations; i++) {
        sink[0] += operation.getAsLong();
      }
      double perOperation = (threads.getCurrentThreadCpuTime() - start) / (double) operations;
      if (round >= 2) {
        best = Math.min(best, perOperation);
      }
    }
    System.out.printf("%-28s %14.1f ns CPU/op%n", name, best);
  }
}
