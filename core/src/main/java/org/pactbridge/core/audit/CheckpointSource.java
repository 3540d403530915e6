package org.pactbridge.core.audit;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Where a verifier reads the chain's signed checkpoints: all of them in ascending order, once, while it
 * walks the entries; and, only when it has found a problem, those below an entry in descending order,
 * to find the last one whose signature holds. A store reads them in pages, so that memory does not grow
 * with the length of the chain.
 */
public interface CheckpointSource {
  /** Every checkpoint, lowest sequence number first. */
  Iterator<Checkpoint> ascending();

  /** The checkpoints below entry {@code seq}, highest first. */
  Iterator<Checkpoint> descendingBelow(long seq);

  /** Checkpoints held in memory. */
  static CheckpointSource of(List<Checkpoint> checkpoints) {
    List<Checkpoint> sorted = checkpoints.stream().sorted(Comparator.comparingLong(Checkpoint::seq)).toList();
    return new CheckpointSource() {
      @Override
      public Iterator<Checkpoint> ascending() {
        return sorted.iterator();
      }

      @Override
      public Iterator<Checkpoint> descendingBelow(long seq) {
        return sorted.stream().filter(checkpoint -> checkpoint.seq() < seq)
            .sorted(Comparator.comparingLong(Checkpoint::seq).reversed()).iterator();
      }
    };
  }
}
