package org.pactbridge.core.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162's inclusion and consistency proofs for a log too long to hold: the same recursions as
 * {@link MerkleTree#inclusionProof} and {@link MerkleTree#consistencyProof}, but every subtree head they
 * need is asked of a {@link Ranges} source, which may stream the leaves from storage. The ranges a proof
 * asks for do not overlap, so a source that reads leaves computes at most {@code n} leaf hashes and
 * holds O(log n) of them. Stateless.
 */
public final class MerkleProofs {
  private MerkleProofs() {}

  /** The heads of ranges of a log's leaves. */
  @FunctionalInterface
  public interface Ranges {
    /** MTH of leaves {@code from} (inclusive, 0-based) to {@code to} (exclusive), {@code from < to}. */
    byte[] root(long from, long to);
  }

  /** PATH(index, D[size]): the audit path of leaf {@code index} (0-based) in the tree of the first {@code size} leaves. */
  public static List<byte[]> inclusionProof(Ranges ranges, long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf " + index + " outside a tree of " + size);
    }
    List<byte[]> proof = new ArrayList<>();
    path(ranges, index, 0, size, proof);
    return proof;
  }

  private static void path(Ranges ranges, long m, long lo, long n, List<byte[]> out) {
    if (n <= 1) {
      return;
    }
    long k = split(n);
    if (m < k) {
      path(ranges, m, lo, k, out);
      out.add(ranges.root(lo + k, lo + n));
    } else {
      path(ranges, m - k, lo + k, n - k, out);
      out.add(ranges.root(lo, lo + k));
    }
  }

  /** PROOF(oldSize, D[newSize]); empty when {@code oldSize} is 0 or {@code newSize}. */
  public static List<byte[]> consistencyProof(Ranges ranges, long oldSize, long newSize) {
    if (oldSize < 0 || oldSize > newSize) {
      throw new IllegalArgumentException("old size " + oldSize + " outside 0.." + newSize);
    }
    List<byte[]> proof = new ArrayList<>();
    if (oldSize > 0 && oldSize < newSize) {
      subproof(ranges, oldSize, 0, newSize, true, proof);
    }
    return proof;
  }

  private static void subproof(Ranges ranges, long m, long lo, long n, boolean complete, List<byte[]> out) {
    if (m == n) {
      if (!complete) {
        out.add(ranges.root(lo, lo + n));
      }
      return;
    }
    long k = split(n);
    if (m <= k) {
      subproof(ranges, m, lo, k, complete, out);
      out.add(ranges.root(lo + k, lo + n));
    } else {
      subproof(ranges, m - k, lo + k, n - k, false, out);
      out.add(ranges.root(lo, lo + k));
    }
  }

  /** The largest power of two strictly below {@code n} (n > 1). */
  static long split(long n) {
    return Long.highestOneBit(n - 1);
  }
}
