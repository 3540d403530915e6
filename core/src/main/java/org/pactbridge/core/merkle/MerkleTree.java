package org.pactbridge.core.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Merkle Tree Hash of RFC 9162 section 2.1.1 over SHA-256, and its proofs. A tree is given by its
 * leaves' hashes ({@link #leafHash}), in order; every method is a pure function of them.
 *
 * <pre>
 * MTH({})      = SHA-256()
 * MTH({d0})    = SHA-256(0x00 || d0)
 * MTH(D[n])    = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))   k the largest power of two below n
 * </pre>
 *
 * Inclusion proofs ({@link #inclusionProof}, section 2.1.3) and consistency proofs
 * ({@link #consistencyProof}, section 2.1.4) are lists of 32-byte hashes, and their verifiers follow the
 * RFC's algorithms step by step, so a proof made elsewhere to the RFC verifies here.
 */
public final class MerkleTree {
  public static final int HASH_BYTES = 32;
  private static final byte LEAF = 0x00;
  private static final byte NODE = 0x01;

  private MerkleTree() {}

  /** {@code SHA-256(0x00 || data)}. */
  public static byte[] leafHash(byte[] data) {
    MessageDigest sha = sha256();
    sha.update(LEAF);
    return sha.digest(data);
  }

  /** {@code SHA-256(0x01 || left || right)}. */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest sha = sha256();
    sha.update(NODE);
    sha.update(left);
    return sha.digest(right);
  }

  /** The tree head of the leaves whose hashes are given. */
  public static byte[] root(List<byte[]> leafHashes) {
    if (leafHashes.isEmpty()) {
      return sha256().digest();
    }
    // Bottom-up, level by level: an odd node at the end of a level is carried up unchanged, which is
    // the RFC's split at the largest power of two below n.
    List<byte[]> level = new ArrayList<>(leafHashes);
    while (level.size() > 1) {
      List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
      for (int i = 0; i + 1 < level.size(); i += 2) {
        up.add(nodeHash(level.get(i), level.get(i + 1)));
      }
      if (level.size() % 2 == 1) {
        up.add(level.get(level.size() - 1));
      }
      level = up;
    }
    return level.get(0).clone();
  }

  /** The audit path of leaf {@code index} in the tree of {@code leafHashes} (RFC 9162 PATH(m, D[n])). */
  public static List<byte[]> inclusionProof(List<byte[]> leafHashes, int index) {
    Objects.checkIndex(index, leafHashes.size());
    List<byte[]> proof = new ArrayList<>();
    path(leafHashes, index, proof);
    return proof;
  }

  private static void path(List<byte[]> d, int m, List<byte[]> out) {
    int n = d.size();
    if (n <= 1) {
      return;
    }
    int k = split(n);
    if (m < k) {
      path(d.subList(0, k), m, out);
      out.add(root(d.subList(k, n)));
    } else {
      path(d.subList(k, n), m - k, out);
      out.add(root(d.subList(0, k)));
    }
  }

  /**
   * RFC 9162 section 2.1.3.2: whether {@code proof} shows that the leaf with hash {@code leafHash} is at
   * {@code index} in the tree of {@code treeSize} leaves whose head is {@code root}.
   */
  public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof, byte[] root) {
    if (index < 0 || index >= treeSize) {
      return false;
    }
    long fn = index;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(r, root);
  }

  /**
   * The consistency proof between the tree of the first {@code oldSize} leaves and the tree of all of
   * {@code leafHashes} (RFC 9162 PROOF(m, D[n])); empty when {@code oldSize} is 0 or the whole list.
   */
  public static List<byte[]> consistencyProof(List<byte[]> leafHashes, int oldSize) {
    if (oldSize < 0 || oldSize > leafHashes.size()) {
      throw new IllegalArgumentException("old size " + oldSize + " outside 0.." + leafHashes.size());
    }
    List<byte[]> proof = new ArrayList<>();
    if (oldSize > 0 && oldSize < leafHashes.size()) {
      subproof(oldSize, leafHashes, true, proof);
    }
    return proof;
  }

  private static void subproof(int m, List<byte[]> d, boolean complete, List<byte[]> out) {
    int n = d.size();
    if (m == n) {
      if (!complete) {
        out.add(root(d));
      }
      return;
    }
    int k = split(n);
    if (m <= k) {
      subproof(m, d.subList(0, k), complete, out);
      out.add(root(d.subList(k, n)));
    } else {
      subproof(m - k, d.subList(k, n), false, out);
      out.add(root(d.subList(0, k)));
    }
  }

  /**
   * RFC 9162 section 2.1.4.2: whether {@code proof} shows that the tree of {@code oldSize} leaves with
   * head {@code oldRoot} is a prefix of the tree of {@code newSize} leaves with head {@code newRoot}.
   */
  public static boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
    if (oldSize < 0 || oldSize > newSize) {
      return false;
    }
    if (oldSize == newSize) {
      return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
    }
    if (oldSize == 0) {
      return proof.isEmpty();
    }
    if (proof.isEmpty()) {
      return false;
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(oldSize) == 1) {
      // the old tree is a complete subtree: its head is the proof's implicit first element
      path.add(0, oldRoot);
    }
    long fn = oldSize - 1;
    long sn = newSize - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot);
  }

  /** The largest power of two strictly below {@code n} (n > 1). */
  static int split(int n) {
    return Integer.highestOneBit(n - 1);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
