package org.pactbridge.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The tree heads of the reference leaves that Certificate Transparency implementations share (the
 * eight inputs of RFC 6962's test data, also used by transparency-dev/merkle), then proofs of every
 * shape, each checked by the RFC 9162 verifiers and refused when one bit changes.
 */
class MerkleTreeTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String[] LEAVES = {
    "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"
  };
  private static final String[] ROOTS = {
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
  };

  @Test
  void theEmptyTreeIsTheHashOfNothing() {
    assertThat(HEX.formatHex(MerkleTree.root(List.of())))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void treeHeadsOfTheReferenceLeaves() {
    List<byte[]> leaves = new ArrayList<>();
    for (int n = 1; n <= LEAVES.length; n++) {
      leaves.add(MerkleTree.leafHash(HEX.parseHex(LEAVES[n - 1])));
      assertThat(HEX.formatHex(MerkleTree.root(leaves))).as("tree of %d leaves", n).isEqualTo(ROOTS[n - 1]);
    }
  }

  @Test
  void leafAndNodeHashesCannotBeConfused() {
    byte[] a = MerkleTree.leafHash(new byte[] {1});
    byte[] b = MerkleTree.leafHash(new byte[] {2});
    byte[] concatenated = new byte[64];
    System.arraycopy(a, 0, concatenated, 0, 32);
    System.arraycopy(b, 0, concatenated, 32, 32);
    assertThat(MerkleTree.leafHash(concatenated)).isNotEqualTo(MerkleTree.nodeHash(a, b));
  }

  @Property(tries = 200)
  void everyLeafIsProvenInItsTreeAndNowhereElse(@ForAll @IntRange(min = 1, max = 70) int size, @ForAll @IntRange(min = 0, max = 69) int at) {
    int index = at % size;
    List<byte[]> leaves = leaves(size);
    byte[] root = MerkleTree.root(leaves);
    List<byte[]> proof = MerkleTree.inclusionProof(leaves, index);

    assertThat(MerkleTree.verifyInclusion(leaves.get(index), index, size, proof, root)).isTrue();
    assertThat(MerkleTree.verifyInclusion(MerkleTree.leafHash(new byte[] {9, 9}), index, size, proof, root)).isFalse();
    List<byte[]> longer = leaves(size + 1);
    assertThat(MerkleTree.verifyInclusion(leaves.get(index), index, size + 1, proof, MerkleTree.root(longer))).isFalse();
    if (size > 1) {
      assertThat(MerkleTree.verifyInclusion(leaves.get(index), (index + 1) % size, size, proof, root)).isFalse();
      byte[] bent = proof.get(0).clone();
      bent[0] ^= 1;
      List<byte[]> altered = new ArrayList<>(proof);
      altered.set(0, bent);
      assertThat(MerkleTree.verifyInclusion(leaves.get(index), index, size, altered, root)).isFalse();
    }
  }

  @Property(tries = 200)
  void everyPrefixIsConsistentWithTheWholeAndAForkIsNot(@ForAll @IntRange(min = 1, max = 70) int size, @ForAll @IntRange(min = 1, max = 70) int old) {
    int oldSize = Math.min(old, size);
    List<byte[]> leaves = leaves(size);
    byte[] oldRoot = MerkleTree.root(leaves.subList(0, oldSize));
    byte[] newRoot = MerkleTree.root(leaves);
    List<byte[]> proof = MerkleTree.consistencyProof(leaves, oldSize);

    assertThat(MerkleTree.verifyConsistency(oldSize, size, oldRoot, newRoot, proof)).isTrue();
    if (oldSize < size) {
      // the same old size, but the log was rewritten at its first leaf
      List<byte[]> forked = new ArrayList<>(leaves);
      forked.set(0, MerkleTree.leafHash(new byte[] {7}));
      byte[] forkedRoot = MerkleTree.root(forked);
      List<byte[]> forkedProof = MerkleTree.consistencyProof(forked, oldSize);
      assertThat(MerkleTree.verifyConsistency(oldSize, size, oldRoot, forkedRoot, forkedProof)).isFalse();
      assertThat(MerkleTree.verifyConsistency(oldSize, size, oldRoot, newRoot, proof.subList(0, proof.size() - 1))).isFalse();
    }
  }

  @Test
  void theRfcPathOfTheSeventhLeafOfSeven() {
    // PATH(6, D[7]): the sibling subtree of leaves 4 and 5, then the left half, leaves 0 to 3
    List<byte[]> leaves = leaves(7);
    List<byte[]> proof = MerkleTree.inclusionProof(leaves, 6);
    assertThat(proof).hasSize(2);
    assertThat(proof.get(0)).isEqualTo(MerkleTree.root(leaves.subList(4, 6)));
    assertThat(proof.get(1)).isEqualTo(MerkleTree.root(leaves.subList(0, 4)));
  }

  private static List<byte[]> leaves(int n) {
    List<byte[]> leaves = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      leaves.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i >> 8)}));
    }
    return leaves;
  }
}
