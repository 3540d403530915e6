package org.pactbridge.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The frontier and the streamed proofs give what {@link MerkleTree} gives over the whole list of leaves:
 * the same tree heads at every size, the same inclusion and consistency proofs, and the RFC verifiers
 * accept them. The frontier's stored form reads back to the same tree.
 */
class MerkleFrontierTest {

  static List<byte[]> leaves(int n) {
    List<byte[]> leaves = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      leaves.add(MerkleTree.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
    }
    return leaves;
  }

  static MerkleProofs.Ranges ranges(List<byte[]> leaves) {
    return (from, to) -> {
      MerkleFrontier tree = new MerkleFrontier();
      leaves.subList((int) from, (int) to).forEach(tree::append);
      return tree.root();
    };
  }

  @Test
  void theFrontierGivesTheTreeHeadAtEverySize() {
    List<byte[]> leaves = leaves(300);
    MerkleFrontier tree = new MerkleFrontier();
    assertThat(tree.root()).isEqualTo(MerkleTree.root(List.of()));
    for (int n = 1; n <= leaves.size(); n++) {
      tree.append(leaves.get(n - 1));
      assertThat(tree.size()).isEqualTo(n);
      assertThat(tree.heads()).hasSize(Long.bitCount(n));
      assertThat(tree.root()).as("size %d", n).isEqualTo(MerkleTree.root(leaves.subList(0, n)));
      assertThat(MerkleFrontier.fromHex(n, tree.toHex())).isEqualTo(tree);
    }
  }

  @Test
  void aFrontierOfTheWrongShapeIsRefused() {
    MerkleFrontier tree = new MerkleFrontier();
    leaves(5).forEach(tree::append);
    assertThatThrownBy(() -> MerkleFrontier.fromHex(7, tree.toHex())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleFrontier.fromHex(5, tree.toHex().substring(1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 200)
  void streamedProofsAreTheRfcProofs(@ForAll @IntRange(min = 1, max = 140) int size, @ForAll @IntRange(min = 0, max = 1000) int pick,
      @ForAll @IntRange(min = 0, max = 1000) int older) {
    List<byte[]> leaves = leaves(size);
    byte[] root = MerkleTree.root(leaves);
    int index = pick % size;
    List<byte[]> path = MerkleProofs.inclusionProof(ranges(leaves), index, size);
    assertThat(path).usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(MerkleTree.inclusionProof(leaves, index));
    assertThat(MerkleTree.verifyInclusion(leaves.get(index), index, size, path, root)).isTrue();
    int oldSize = older % (size + 1);
    List<byte[]> proof = MerkleProofs.consistencyProof(ranges(leaves), oldSize, size);
    assertThat(proof).usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(MerkleTree.consistencyProof(leaves, oldSize));
    assertThat(MerkleTree.verifyConsistency(oldSize, size, MerkleTree.root(leaves.subList(0, oldSize)), root, proof)).isTrue();
  }
}
