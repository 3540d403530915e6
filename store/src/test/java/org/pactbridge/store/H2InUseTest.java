package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded H2 file that another process holds open (as a running {@code serve} does) is refused with
 * a message that says so, not H2's "Database may be already in use". The holder is a real child JVM.
 */
class H2InUseTest {
  @TempDir Path dir;

  @Test
  void aFileAnotherProcessHoldsIsRefusedNamingTheLikelyHolder() throws Exception {
    StoreConfig config = TestDatabases.h2(dir);
    Store.open(config).close(); // made (and migrated) first
    Process holder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), StoreWorker.class.getName(), "append", config.jdbcUrl().replace(";WRITE_DELAY=0", ""), "-",
        dir.resolve("keys").toString(), "1000000", "holder")).redirectErrorStream(true).start();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null && !line.equals("open")) {
        // wait until the child holds the file
      }
      assertThat(line).isEqualTo("open");
      assertThatThrownBy(() -> Store.open(config)).isInstanceOfSatisfying(StoreException.class, e -> {
        assertThat(e.code()).isEqualTo("DATABASE_IN_USE");
        assertThat(e.getMessage()).contains("is in use by another process, most likely a running 'pactbridge serve'")
            .contains("stop that process first");
      });
    } finally {
      holder.destroyForcibly();
      assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }
}
