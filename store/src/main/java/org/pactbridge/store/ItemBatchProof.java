package org.pactbridge.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.merkle.MerkleTree;

/**
 * How an item of a signed import batch proves that this node registered it: the batch's id, the item's
 * leaf index in the batch's Merkle tree (RFC 9162 hashing, {@link MerkleTree}), the tree's size and root,
 * the node's Ed25519 signature over {@link #signedRootBytes} and the audit path from the item's leaf to
 * the root. The leaf is {@code MerkleTree.leafHash(item.signedBytes())}: the same bytes an item signed
 * alone is signed over, so a batch item and a single item promise the same thing.
 *
 * <p>An {@link Item} carries it in its {@code signature} field as text ({@link #encode}, prefix
 * {@value #PREFIX}), so that one item verifies alone ({@link #verifies}) without the rest of its batch,
 * and code that passes items around needs no new field. The store keeps the parts in columns (the batch
 * row, the item's leaf index and proof) and puts the text together when it reads an item.
 */
public record ItemBatchProof(String batchId, int leafIndex, int treeSize, byte[] root, String rootSignature, List<byte[]> path) {
  /** What a batch item's signature text starts with; a single signature is plain base64 and never has a colon. */
  public static final String PREFIX = "batch-v1:";
  private static final HexFormat HEX = HexFormat.of();

  public ItemBatchProof {
    if (batchId == null || batchId.isEmpty() || batchId.indexOf(':') >= 0) {
      throw new IllegalArgumentException("a batch id without colons is required");
    }
    if (treeSize < 1 || leafIndex < 0 || leafIndex >= treeSize) {
      throw new IllegalArgumentException("leaf " + leafIndex + " outside a batch of " + treeSize);
    }
    if (root == null || root.length != MerkleTree.HASH_BYTES) {
      throw new IllegalArgumentException("a batch root is 32 bytes");
    }
    root = root.clone();
    path = path.stream().map(byte[]::clone).toList();
    for (byte[] hash : path) {
      if (hash.length != MerkleTree.HASH_BYTES) {
        throw new IllegalArgumentException("an inclusion proof is made of 32-byte hashes");
      }
    }
  }

  @Override
  public byte[] root() {
    return root.clone();
  }

  /**
   * What the node signs for a batch: its id, size and root, one field a line. Binding the id and size
   * keeps a signed root from being claimed for another batch or another tree size.
   */
  public static byte[] signedRootBytes(String batchId, int treeSize, byte[] root) {
    return ("pactbridge-item-batch-v1\nbatch=" + batchId + "\nsize=" + treeSize + "\nroot=" + HEX.formatHex(root) + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The leaf of {@code item} in its batch's tree. */
  public static byte[] leafOf(Item item) {
    return MerkleTree.leafHash(item.signedBytes());
  }

  /**
   * Whether this proof shows that {@code item} (its id, label and content hash) is at its leaf in a tree
   * whose root the key {@code item.signerKey()} signed for this batch id and size.
   */
  public boolean verifies(Item item) {
    if (!MerkleTree.verifyInclusion(leafOf(item), leafIndex, treeSize, path, root)) {
      return false;
    }
    try {
      return NodeKeys.verify(item.signerKey(), signedRootBytes(batchId, treeSize, root), Base64.getDecoder().decode(rootSignature));
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  /** The proof as an item's signature text: {@code batch-v1:ID:INDEX:SIZE:ROOTHEX:SIGNATURE:PATH}, the path in base64. */
  public String encode() {
    return PREFIX + batchId + ":" + leafIndex + ":" + treeSize + ":" + HEX.formatHex(root) + ":" + rootSignature + ":"
        + Base64.getEncoder().encodeToString(pathBytes(path));
  }

  /** The proof in an item's signature text, or empty when the text is a single signature (or not a well-formed proof). */
  public static Optional<ItemBatchProof> decode(String signature) {
    if (signature == null || !signature.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] parts = signature.substring(PREFIX.length()).split(":", -1);
    if (parts.length != 6) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ItemBatchProof(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), HEX.parseHex(parts[3]), parts[4],
          path(Base64.getDecoder().decode(parts[5]))));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  /** The audit path as stored: its hashes concatenated. */
  static byte[] pathBytes(List<byte[]> path) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(path.size() * MerkleTree.HASH_BYTES);
    path.forEach(out::writeBytes);
    return out.toByteArray();
  }

  /** The audit path from its stored form; a length that is not a multiple of 32 is malformed. */
  static List<byte[]> path(byte[] stored) {
    if (stored.length % MerkleTree.HASH_BYTES != 0) {
      throw new IllegalArgumentException("an inclusion proof of " + stored.length + " bytes");
    }
    List<byte[]> path = new ArrayList<>(stored.length / MerkleTree.HASH_BYTES);
    for (int from = 0; from < stored.length; from += MerkleTree.HASH_BYTES) {
      path.add(java.util.Arrays.copyOfRange(stored, from, from + MerkleTree.HASH_BYTES));
    }
    return path;
  }

  /**
   * Every leaf's audit path and the root, in one pass over the tree: O(n log n) hashes, where asking
   * {@link MerkleTree#inclusionProof} for each leaf would rebuild the subtrees n times. The paths are the
   * RFC's PATH(m, D[n]) (tested against {@code MerkleTree.inclusionProof}).
   */
  static Tree tree(List<byte[]> leaves) {
    if (leaves.isEmpty()) {
      throw new IllegalArgumentException("a batch has one leaf or more");
    }
    List<List<byte[]>> paths = new ArrayList<>(leaves.size());
    for (int i = 0; i < leaves.size(); i++) {
      paths.add(new ArrayList<>(32));
    }
    byte[] root = subtree(leaves, 0, leaves.size(), paths);
    return new Tree(root, paths);
  }

  /** The root and each leaf's audit path of a batch's tree. */
  record Tree(byte[] root, List<List<byte[]>> paths) {}

  private static byte[] subtree(List<byte[]> leaves, int from, int to, List<List<byte[]>> paths) {
    int n = to - from;
    if (n == 1) {
      return leaves.get(from);
    }
    int k = Integer.highestOneBit(n - 1);
    byte[] left = subtree(leaves, from, from + k, paths);
    byte[] right = subtree(leaves, from + k, to, paths);
    // deeper siblings were added by the calls above, so each path runs from its leaf up
    for (int i = from; i < from + k; i++) {
      paths.get(i).add(right);
    }
    for (int i = from + k; i < to; i++) {
      paths.get(i).add(left);
    }
    return MerkleTree.nodeHash(left, right);
  }
}
