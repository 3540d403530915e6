package org.pactbridge.store;

/**
 * Told of each pending schema migration as it starts, so that a command on a terminal can show a
 * progress line while a large database migrates. Called on the opening thread, inside Flyway's run.
 */
public interface MigrationProgress {
  /** Says nothing. */
  MigrationProgress NONE = new MigrationProgress() {
    @Override
    public void starting(int index, int total, String version, String description) {}
  };

  /** Migration {@code index} of {@code total} (1-based) is about to run. */
  void starting(int index, int total, String version, String description);

  /** All {@code applied} pending migrations have run; called only when there were some. */
  default void finished(int applied) {}
}
