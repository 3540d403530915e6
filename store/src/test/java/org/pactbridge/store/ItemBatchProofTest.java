package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.merkle.MerkleTree;

/** The one-pass tree of a batch gives the RFC's root and paths, and a proof's text form reads back whole. */
class ItemBatchProofTest {
  private static final HexFormat HEX = HexFormat.of();

  private static List<byte[]> leaves(int n) {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      leaves.add(MerkleTree.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
    }
    return leaves;
  }

  @Test
  void everyPathIsTheRfcPathAndTheRootTheRfcRoot() {
    for (int n = 1; n <= 70; n++) {
      List<byte[]> leaves = leaves(n);
      ItemBatchProof.Tree tree = ItemBatchProof.tree(leaves);
      assertThat(HEX.formatHex(tree.root())).as("root of %d", n).isEqualTo(HEX.formatHex(MerkleTree.root(leaves)));
      for (int m = 0; m < n; m++) {
        assertThat(tree.paths().get(m).stream().map(HEX::formatHex).toList()).as("path %d of %d", m, n)
            .isEqualTo(MerkleTree.inclusionProof(leaves, m).stream().map(HEX::formatHex).toList());
        assertThat(MerkleTree.verifyInclusion(leaves.get(m), m, n, tree.paths().get(m), tree.root())).isTrue();
      }
    }
  }

  @Test
  void theTextFormReadsBackAndAnythingElseIsNotAProof() {
    ItemBatchProof.Tree tree = ItemBatchProof.tree(leaves(5));
    ItemBatchProof proof = new ItemBatchProof("3f0c-batch", 2, 5, tree.root(), "c2lnbmF0dXJl", tree.paths().get(2));
    ItemBatchProof read = ItemBatchProof.decode(proof.encode()).orElseThrow();
    assertThat(read.batchId()).isEqualTo("3f0c-batch");
    assertThat(read.leafIndex()).isEqualTo(2);
    assertThat(read.treeSize()).isEqualTo(5);
    assertThat(HEX.formatHex(read.root())).isEqualTo(HEX.formatHex(tree.root()));
    assertThat(read.rootSignature()).isEqualTo("c2lnbmF0dXJl");
    assertThat(read.encode()).isEqualTo(proof.encode());
    assertThat(ItemBatchProof.decode("c2lnbmF0dXJl")).isEmpty();
    assertThat(ItemBatchProof.decode(ItemBatchProof.PREFIX + "malformed")).isEmpty();
    assertThat(ItemBatchProof.decode(proof.encode().replace(":2:5:", ":7:5:"))).isEmpty();
  }
}
