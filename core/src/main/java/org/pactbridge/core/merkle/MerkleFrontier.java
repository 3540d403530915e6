package org.pactbridge.core.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The right edge of an RFC 9162 Merkle tree that grows by appending leaves: the heads of its complete
 * subtrees, largest first, one per set bit of the tree size (at most 64). From it the tree head of the
 * leaves so far is {@code MTH = node(f0, node(f1, … node(f(k-2), f(k-1))))}, and appending a leaf costs
 * one hash plus one per complete subtree it completes: O(log n) time and memory, whatever the size.
 * This is what a log keeps beside its signed head so that a commit of k entries costs O(k + log n),
 * and what a verifier carries while it streams the log. Mutable; not thread-safe.
 */
public final class MerkleFrontier {
  private static final HexFormat HEX = HexFormat.of();

  private long size;
  /** Subtree heads, largest (leftmost) first; their sizes are the set bits of {@code size}, descending. */
  private final List<byte[]> heads = new ArrayList<>(64);

  /** The frontier of the empty tree. */
  public MerkleFrontier() {}

  private MerkleFrontier(long size, List<byte[]> heads) {
    this.size = size;
    this.heads.addAll(heads);
  }

  /**
   * The frontier of a tree of {@code size} leaves from its subtree heads, largest first; throws
   * {@link IllegalArgumentException} when their number is not the number of set bits of {@code size}.
   */
  public static MerkleFrontier of(long size, List<byte[]> heads) {
    if (size < 0 || Long.bitCount(size) != heads.size()) {
      throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(Math.max(size, 0))
          + " complete subtrees, not " + heads.size());
    }
    List<byte[]> copies = new ArrayList<>(heads.size());
    for (byte[] head : heads) {
      if (head.length != MerkleTree.HASH_BYTES) {
        throw new IllegalArgumentException("a subtree head is " + MerkleTree.HASH_BYTES + " bytes, not " + head.length);
      }
      copies.add(head.clone());
    }
    return new MerkleFrontier(size, copies);
  }

  /** Reads {@link #toHex()}'s form back for a tree of {@code size} leaves. */
  public static MerkleFrontier fromHex(long size, String hex) {
    if (hex.length() % 64 != 0) {
      throw new IllegalArgumentException("a frontier is a run of 64-digit hashes");
    }
    List<byte[]> heads = new ArrayList<>(hex.length() / 64);
    for (int i = 0; i < hex.length(); i += 64) {
      heads.add(HEX.parseHex(hex, i, i + 64));
    }
    return of(size, heads);
  }

  /** The subtree heads as one run of lower-case hex, 64 digits each, largest subtree first. */
  public String toHex() {
    StringBuilder out = new StringBuilder(heads.size() * 64);
    for (byte[] head : heads) {
      out.append(HEX.formatHex(head));
    }
    return out.toString();
  }

  /** Appends the leaf whose hash ({@link MerkleTree#leafHash}) is given. */
  public void append(byte[] leafHash) {
    if (leafHash.length != MerkleTree.HASH_BYTES) {
      throw new IllegalArgumentException("a leaf hash is " + MerkleTree.HASH_BYTES + " bytes, not " + leafHash.length);
    }
    byte[] carry = leafHash.clone();
    // each trailing one bit of the old size is a complete subtree the new leaf's side now equals
    for (long bits = size; (bits & 1) == 1; bits >>>= 1) {
      carry = MerkleTree.nodeHash(heads.remove(heads.size() - 1), carry);
    }
    heads.add(carry);
    size++;
  }

  /** Appends the leaf for {@code data}: {@code append(MerkleTree.leafHash(data))}. */
  public void appendData(byte[] data) {
    append(MerkleTree.leafHash(data));
  }

  public long size() {
    return size;
  }

  /** The tree head of the leaves appended so far ({@code SHA-256()} of nothing for none). */
  public byte[] root() {
    if (heads.isEmpty()) {
      return MerkleTree.root(List.of());
    }
    byte[] root = heads.get(heads.size() - 1);
    for (int i = heads.size() - 2; i >= 0; i--) {
      root = MerkleTree.nodeHash(heads.get(i), root);
    }
    return root.clone();
  }

  /** The subtree heads, largest first (copies). */
  public List<byte[]> heads() {
    return heads.stream().map(byte[]::clone).toList();
  }

  /** An independent copy. */
  public MerkleFrontier copy() {
    return new MerkleFrontier(size, heads.stream().map(byte[]::clone).toList());
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof MerkleFrontier that) || that.size != size) {
      return false;
    }
    for (int i = 0; i < heads.size(); i++) {
      if (!Arrays.equals(heads.get(i), that.heads.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(size) * 31 + (heads.isEmpty() ? 0 : Arrays.hashCode(heads.get(heads.size() - 1)));
  }
}
