package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new store reports each migration as it starts, in order; a store already at the latest version reports none. */
class MigrationProgressTest {
  private static final class Recorder implements MigrationProgress {
    final List<String> lines = new ArrayList<>();

    @Override
    public void starting(int index, int total, String version, String description) {
      lines.add(index + "/" + total + " V" + version + " " + description);
    }

    @Override
    public void finished(int applied) {
      lines.add("finished " + applied);
    }
  }

  @Test
  void aNewStoreReportsEveryMigrationThenFinishes(@TempDir Path dir) {
    Recorder first = new Recorder();
    try (Store store = Store.open(TestDatabases.h2(dir), first)) {
      assertThat(store.audit().verify()).isNotNull();
    }
    assertThat(first.lines).startsWith("1/" + (first.lines.size() - 1) + " V1 registry items audit");
    assertThat(first.lines.get(first.lines.size() - 1)).isEqualTo("finished " + (first.lines.size() - 1));
    assertThat(first.lines.subList(0, first.lines.size() - 1))
        .allSatisfy(line -> assertThat(line).matches("\\d+/\\d+ V\\d+ .+"));

    Recorder again = new Recorder();
    Store.open(TestDatabases.h2(dir), again).close();
    assertThat(again.lines).isEmpty();
  }
}
