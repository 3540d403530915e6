package org.pactbridge.bench.ab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Times two builds of the engine against each other: each benchmarks jar runs {@link Driver} in a JVM of
 * its own, the two alternating run after run, so that whatever else the machine is doing falls on both
 * alike. Prints each run's medians, then the median over runs of each build and their ratio. On a
 * shared, noisy machine the ratio is the figure to trust; absolute numbers there move by half from one
 * run to the next. (Two builds in one JVM would share the JDK's collection code, whose call sites then
 * see both builds' key classes and stop inlining: both would run several times slower.)
 *
 * <pre>java -cp bench/target/benchmarks.jar org.pactbridge.bench.ab.Compare BASE.jar NEW.jar [runs] [slices]</pre>
 *
 * <p>The base jar may predate the driver: it is copied out of the new jar and put beside the base.
 */
public final class Compare {
  private Compare() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Compare BASE.jar NEW.jar [runs] [slices]");
      System.exit(2);
    }
    Path base = Path.of(args[0]);
    Path candidate = Path.of(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String slices = args.length > 3 ? args[3] : "15";
    String driverDir = extractDriver(candidate).toString();
    String baseClasspath = base + java.io.File.pathSeparator + driverDir;
    String newClasspath = candidate.toString();
    List<long[]> baseRuns = new ArrayList<>();
    List<long[]> newRuns = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      // alternate which goes first
      if ((run & 1) == 0) {
        baseRuns.add(drive("base", baseClasspath, slices));
        newRuns.add(drive("new ", newClasspath, slices));
      } else {
        newRuns.add(drive("new ", newClasspath, slices));
        baseRuns.add(drive("base", baseClasspath, slices));
      }
    }
    report("direct decision (ns)", baseRuns, newRuns, 0);
    report("route search (ns)", baseRuns, newRuns, 1);
  }

  private static void report(String what, List<long[]> baseRuns, List<long[]> newRuns, int column) {
    long base = median(baseRuns, column);
    long candidate = median(newRuns, column);
    System.out.printf("%-22s base %8d  new %8d  new/base %.2f%n", what, base, candidate, (double) candidate / base);
  }

  private static long median(List<long[]> runs, int column) {
    long[] values = runs.stream().mapToLong(run -> run[column]).sorted().toArray();
    return values[values.length / 2];
  }

  private static long[] drive(String label, String classpath, String slices) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xms2g", "-Xmx2g", "-cp", classpath, Driver.class.getName(), slices)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(label + " driver failed: " + output);
    }
    System.out.println(label + "  " + output);
    String[] fields = output.split(" ");
    return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[3])};
  }

  /** The driver's class files, copied out of the new jar into a directory of their own. */
  private static Path extractDriver(Path jar) throws IOException {
    Path dir = Files.createTempDirectory("pactbridge-ab");
    String prefix = Driver.class.getName().replace('.', '/');
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().startsWith(prefix)) {
          Path target = dir.resolve(entry.getName());
          Files.createDirectories(target.getParent());
          try (InputStream in = file.getInputStream(entry)) {
            Files.copy(in, target);
          }
        }
      }
    }
    return dir;
  }
}
