package org.pactbridge.core.audit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Walks a chain in stored order and reports the first altered, missing or reordered entry, then checks
 * the recorded head and the signed checkpoints (which catch truncation and consistent rewrites).
 *
 * <p>For each entry, expecting sequence number {@code n}: a higher number means entry {@code n} is
 * MISSING; a lower one, or a body whose own {@code seq} differs, means REORDERED; a previous-hash that is
 * not the hash of entry {@code n - 1} but is that of another entry means REORDERED, and otherwise
 * ALTERED; a hash that does not equal {@code SHA-256(prevHash || body)} means ALTERED. Cost: one
 * SHA-256 per entry, memory O(checkpoints); {@code hashIndex} (hash to seq) is asked only on a broken
 * link. Stateless; not tied to any store.
 */
public final class ChainVerifier {
  private static final HexFormat HEX = HexFormat.of();

  private ChainVerifier() {}

  /**
   * Verifies {@code entries} (in stored order) against {@code head} (null: not recorded) and
   * {@code checkpoints}, whose signatures {@code signatureValid} checks.
   */
  public static Verification verify(
      Iterator<AuditEntry> entries,
      Function<byte[], OptionalLong> hashIndex,
      ChainHead head,
      List<Checkpoint> checkpoints,
      Predicate<Checkpoint> signatureValid) {
    Map<Long, byte[]> pinned = new HashMap<>();
    for (Checkpoint checkpoint : checkpoints) {
      pinned.put(checkpoint.seq(), null);
    }
    byte[] running = AuditChain.genesis();
    long last = 0;
    long count = 0;
    while (entries.hasNext()) {
      AuditEntry entry = entries.next();
      long expected = last + 1;
      if (entry.seq() > expected) {
        return broken(Verification.Problem.MISSING, expected,
            "entry " + expected + " is missing: entry " + last + " is followed by entry " + entry.seq());
      }
      if (entry.seq() < expected) {
        return broken(Verification.Problem.REORDERED, entry.seq(),
            "entry " + entry.seq() + " appears again after entry " + last);
      }
      byte[] recomputed = AuditChain.hash(entry.rawPrevHash(), entry.rawBody());
      boolean selfConsistent = Arrays.equals(recomputed, entry.rawHash());
      long bodySeq;
      try {
        bodySeq = AuditCodec.decode(entry.rawBody()).seq();
      } catch (AuditException malformed) {
        return broken(Verification.Problem.ALTERED, entry.seq(),
            "entry " + entry.seq() + " is altered: its body is not canonical (" + malformed.getMessage() + ")");
      }
      if (bodySeq != entry.seq()) {
        if (selfConsistent) {
          return broken(Verification.Problem.REORDERED, entry.seq(),
              "entry " + entry.seq() + " is out of place: the entry stored there is entry " + bodySeq);
        }
        return broken(Verification.Problem.ALTERED, entry.seq(),
            "entry " + entry.seq() + " is altered: its body names sequence number " + bodySeq);
      }
      if (!Arrays.equals(entry.rawPrevHash(), running)) {
        OptionalLong linked = hashIndex.apply(entry.rawPrevHash());
        if (selfConsistent && linked.isPresent() && linked.getAsLong() != last) {
          return broken(Verification.Problem.REORDERED, entry.seq(),
              "entry " + entry.seq() + " is out of place: it follows entry " + linked.getAsLong() + ", not entry " + last);
        }
        return broken(Verification.Problem.ALTERED, entry.seq(),
            "entry " + entry.seq() + " is altered: its link does not match the hash of entry " + last);
      }
      if (!selfConsistent) {
        return broken(Verification.Problem.ALTERED, entry.seq(),
            "entry " + entry.seq() + " is altered: its contents do not match its hash");
      }
      if (pinned.containsKey(entry.seq())) {
        pinned.put(entry.seq(), entry.rawHash());
      }
      running = entry.rawHash();
      last = entry.seq();
      count++;
    }
    if (head != null) {
      if (head.seq() > last) {
        return broken(Verification.Problem.TRUNCATED, last + 1,
            "entries " + (last + 1) + " to " + head.seq() + " are missing: the log ends at entry " + last
                + " but its head records entry " + head.seq());
      }
      if (head.seq() < last) {
        return broken(Verification.Problem.ALTERED, head.seq() + 1,
            "entry " + (head.seq() + 1) + " is past the recorded head (entry " + head.seq() + "): appended outside the store");
      }
      if (last > 0 && !head.hashHex().equals(HEX.formatHex(running))) {
        return broken(Verification.Problem.ALTERED, last, "entry " + last + " does not match the hash its head records");
      }
    }
    List<Checkpoint> ordered = checkpoints.stream().sorted((a, b) -> Long.compare(a.seq(), b.seq())).toList();
    for (Checkpoint checkpoint : ordered) {
      if (!signatureValid.test(checkpoint)) {
        return broken(Verification.Problem.BAD_CHECKPOINT, checkpoint.seq(),
            "the checkpoint at entry " + checkpoint.seq() + " has an invalid signature");
      }
      if (checkpoint.seq() > last) {
        return broken(Verification.Problem.TRUNCATED, last + 1,
            "entries " + (last + 1) + " to " + checkpoint.seq() + " are missing: a signed checkpoint names entry "
                + checkpoint.seq() + " but the log ends at entry " + last);
      }
      byte[] actual = pinned.get(checkpoint.seq());
      if (!Arrays.equals(actual, checkpoint.hash())) {
        return broken(Verification.Problem.ALTERED, checkpoint.seq(),
            "entry " + checkpoint.seq() + " differs from the signed checkpoint of " + checkpoint.at());
      }
    }
    return new Verification.Intact(count, last, HEX.formatHex(running), checkpoints.size());
  }

  /** Verifies a chain held in memory (no head, no checkpoints): for tests and tools. */
  public static Verification verify(List<AuditEntry> entries) {
    Map<String, Long> index = new HashMap<>();
    for (AuditEntry entry : entries) {
      index.putIfAbsent(entry.hashHex(), entry.seq());
    }
    return verify(entries.iterator(), hash -> {
      Long seq = index.get(HEX.formatHex(hash));
      return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
    }, null, List.of(), checkpoint -> true);
  }

  private static Verification broken(Verification.Problem problem, long seq, String message) {
    return new Verification.Broken(problem, seq, message);
  }
}
