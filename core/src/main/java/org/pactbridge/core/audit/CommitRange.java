package org.pactbridge.core.audit;

/**
 * The entries appended together, in one transaction, under one signed head: entries {@code first} to
 * {@code last}. Every format-v2 body names its commit, so a verifier knows where a signed head must
 * stand (after {@code last}) without trusting anything outside the chain. A group commit of many
 * callers' entries is one commit.
 */
public record CommitRange(long first, long last) {
  public CommitRange {
    if (first < 1 || last < first) {
      throw new IllegalArgumentException("a commit is entries first to last, 1 <= first <= last: " + first + "-" + last);
    }
  }

  public boolean contains(long seq) {
    return seq >= first && seq <= last;
  }

  public long size() {
    return last - first + 1;
  }

  /** As the body writes it: {@code first-last}. */
  @Override
  public String toString() {
    return first + "-" + last;
  }
}
