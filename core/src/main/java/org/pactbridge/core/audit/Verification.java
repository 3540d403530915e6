package org.pactbridge.core.audit;

/** The answer of a chain verification: intact, or the first problem found. */
public sealed interface Verification permits Verification.Intact, Verification.Broken {

  boolean ok();

  /** The chain verifies: {@code entries} entries, the last one {@code lastSeq} with hash {@code headHex}. */
  record Intact(long entries, long lastSeq, String headHex, int checkpoints) implements Verification {
    @Override
    public boolean ok() {
      return true;
    }
  }

  /**
   * The first problem: its kind, the first entry it concerns (the first entry that is wrong, or that
   * nothing signed confirms), and a sentence naming it.
   */
  record Broken(Problem problem, long seq, String message) implements Verification {
    @Override
    public boolean ok() {
      return false;
    }
  }

  /** What is wrong with an entry. */
  enum Problem {
    /** The entry's bytes, its hash or its link no longer match. */
    ALTERED,
    /** An entry is absent from the middle of the chain. */
    MISSING,
    /** An intact entry stands at the wrong place. */
    REORDERED,
    /** Entries are absent from the end of the chain (the head or a checkpoint names later ones). */
    TRUNCATED,
    /** A checkpoint's signature does not verify, or a checkpoint stands where none can. */
    BAD_CHECKPOINT,
    /**
     * Entries that no valid signed head confirms: the signed head of their commit is missing (deleted,
     * or the entries were written outside the store).
     */
    UNSIGNED
  }
}
