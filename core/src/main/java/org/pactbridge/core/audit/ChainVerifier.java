package org.pactbridge.core.audit;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;
import org.pactbridge.core.merkle.MerkleFrontier;
import org.pactbridge.core.merkle.MerkleTree;

/**
 * Walks a chain in stored order, with its signed checkpoints beside it, and reports the first entry that
 * is wrong (docs/audit-chain.md, section 7).
 *
 * <p>Each entry, expected at {@code n}: a higher number means entry {@code n} is MISSING; a lower one, or
 * a body whose own {@code seq} differs, means REORDERED; a previous hash that is not entry
 * {@code n - 1}'s but another entry's means REORDERED, otherwise ALTERED; a hash unlike
 * {@code SHA-256(prevHash || body)}, a stored column unlike the body, a v1 body after v2 ones, or a
 * commit that does not follow on, means ALTERED. These name the entry itself.
 *
 * <p>Signed heads then pin what the hashes alone cannot: a rewrite with fresh hashes, a truncation.
 * Every v2 commit must end in a checkpoint whose hash is its last entry's. A checkpoint that does not
 * match, or a commit without one, names the first entry after the last <em>genuine</em> pin: with a
 * signed head per commit, the first entry of the commit that changed. Heads kept outside the database
 * ({@link KeptHead}) pin the same way and catch a truncation of both entries and checkpoints.
 *
 * <p>The whole log, from entry 1, is also one RFC 9162 Merkle tree whose leaves are the bodies. The walk
 * carries the tree's frontier ({@link MerkleFrontier}: at most 64 hashes), and a checkpoint that signs a
 * tree head (v2, one per v3 commit) must name the head of the entries walked so far: a checkpoint whose
 * tree head differs is treated as one whose hash differs. A v3 commit must end in such a checkpoint.
 *
 * <p>Cost: two SHA-256 per entry (chain and leaf) plus O(log n) per signed tree head, and O(log n)
 * memory: entries and checkpoints are read once, in order.
 * Ed25519 checks are costly (about 1.5 ms each on the project's machine), so only the signatures that a
 * verdict rests on are checked: each kept head, the highest checkpoint (which, through the hashes,
 * vouches for every entry below it), and, once a problem is found, those below it down to the first
 * that holds. {@code hashIndex} (hash to seq) is asked only on a broken link. Not thread-safe per call;
 * the class is stateless.
 */
public final class ChainVerifier {
  private static final HexFormat HEX = HexFormat.of();

  private final CheckpointSource checkpoints;
  private final List<KeptHead> kept;
  private final Predicate<Checkpoint> signatureValid;
  private final Function<byte[], OptionalLong> hashIndex;
  private final boolean signedHeadsRequired;

  private byte[] running = AuditChain.genesis();
  private long last;
  private long count;
  private boolean sawV2;
  private boolean sawV3;
  /** The Merkle tree of the bodies walked so far. */
  private final MerkleFrontier tree = new MerkleFrontier();
  /** The format of the commit whose last entry was just walked. */
  private int closedFormat;
  /** The v2 commit the walk is inside of, its last entry not yet walked; null between commits. */
  private CommitRange openCommit;
  /** The v2 commit whose last entry was just walked; null otherwise. */
  private CommitRange closedCommit;
  private Iterator<Checkpoint> ascending;
  private Checkpoint nextCheckpoint;
  private Checkpoint lastMatched;
  private int checkpointsSeen;
  /** The highest entry a kept head (its signature checked first) matched; 0 when none did. */
  private long keptConfirmed;

  private ChainVerifier(CheckpointSource checkpoints, List<KeptHead> kept, Predicate<Checkpoint> signatureValid,
      Function<byte[], OptionalLong> hashIndex, boolean signedHeadsRequired) {
    this.checkpoints = checkpoints;
    this.kept = kept.stream().sorted(Comparator.comparingLong(head -> head.head().seq())).toList();
    this.signatureValid = signatureValid;
    this.hashIndex = hashIndex;
    this.signedHeadsRequired = signedHeadsRequired;
  }

  /**
   * Verifies {@code rows} (in stored order) against the signed {@code checkpoints} and the heads kept
   * outside the database; {@code signatureValid} says whether a checkpoint is signed by the node's key.
   */
  public static Verification verify(Iterator<AuditRow> rows, CheckpointSource checkpoints, List<KeptHead> kept,
      Predicate<Checkpoint> signatureValid, Function<byte[], OptionalLong> hashIndex) {
    return new ChainVerifier(checkpoints, kept, signatureValid, hashIndex, true).run(rows);
  }

  /**
   * Verifies only the links of a chain held in memory: hashes, sequence numbers, bodies and commits,
   * without checkpoints (for tests and tools). A truncated or consistently rewritten chain passes.
   */
  public static Verification verifyLinks(List<AuditEntry> entries) {
    Map<String, Long> index = new HashMap<>();
    for (AuditEntry entry : entries) {
      index.putIfAbsent(entry.hashHex(), entry.seq());
    }
    Iterator<AuditEntry> source = entries.iterator();
    Iterator<AuditRow> rows = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return source.hasNext();
      }

      @Override
      public AuditRow next() {
        return new AuditRow(source.next(), null);
      }
    };
    return new ChainVerifier(CheckpointSource.of(List.of()), List.of(), checkpoint -> true, hash -> {
      Long seq = index.get(HEX.formatHex(hash));
      return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
    }, false).runLinksOnly(rows);
  }

  private Verification runLinksOnly(Iterator<AuditRow> rows) {
    ascending = List.<Checkpoint>of().iterator();
    while (rows.hasNext()) {
      Verification problem = entry(rows.next());
      if (problem != null) {
        return problem;
      }
    }
    if (openCommit != null) {
      return truncatedCommit();
    }
    return new Verification.Intact(count, last, HEX.formatHex(running), 0);
  }

  private Verification run(Iterator<AuditRow> rows) {
    for (KeptHead head : kept) {
      if (!signatureValid.test(head.head())) {
        return broken(Verification.Problem.BAD_CHECKPOINT, head.head().seq(),
            "the signed head kept in " + head.where() + " (entry " + head.head().seq() + ") has an invalid signature");
      }
    }
    ascending = checkpoints.ascending();
    nextCheckpoint = ascending.hasNext() ? ascending.next() : null;
    while (rows.hasNext()) {
      Verification problem = entry(rows.next());
      if (problem == null) {
        problem = pins();
      }
      if (problem != null) {
        return problem;
      }
    }
    return end();
  }

  /** The checks of one entry on its own and against the one before it. */
  private Verification entry(AuditRow row) {
    AuditEntry entry = row.entry();
    long seq = entry.seq();
    long expected = last + 1;
    if (seq > expected) {
      return broken(Verification.Problem.MISSING, expected,
          "entry " + expected + " is missing: entry " + last + " is followed by entry " + seq);
    }
    if (seq < expected) {
      return broken(Verification.Problem.REORDERED, seq, "entry " + seq + " appears again after entry " + last);
    }
    byte[] recomputed = AuditChain.hash(entry.rawPrevHash(), entry.rawBody());
    boolean selfConsistent = Arrays.equals(recomputed, entry.rawHash());
    AuditCodec.Decoded decoded;
    try {
      decoded = AuditCodec.decode(entry.rawBody());
    } catch (AuditException malformed) {
      return broken(Verification.Problem.ALTERED, seq, "entry " + seq + " is altered: its body is not canonical (" + malformed.getMessage() + ")");
    }
    if (decoded.seq() != seq) {
      if (selfConsistent) {
        return broken(Verification.Problem.REORDERED, seq, "entry " + seq + " is out of place: the entry stored there is entry " + decoded.seq());
      }
      return broken(Verification.Problem.ALTERED, seq, "entry " + seq + " is altered: its body names sequence number " + decoded.seq());
    }
    if (!Arrays.equals(entry.rawPrevHash(), running)) {
      OptionalLong linked = hashIndex.apply(entry.rawPrevHash());
      if (selfConsistent && linked.isPresent() && linked.getAsLong() != last) {
        return broken(Verification.Problem.REORDERED, seq,
            "entry " + seq + " is out of place: it follows entry " + linked.getAsLong() + ", not entry " + last);
      }
      return broken(Verification.Problem.ALTERED, seq, "entry " + seq + " is altered: its link does not match the hash of entry " + last);
    }
    if (!selfConsistent) {
      return broken(Verification.Problem.ALTERED, seq, "entry " + seq + " is altered: its contents do not match its hash");
    }
    if (row.columns() != null) {
      IndexedFields body = IndexedFields.of(decoded);
      String field = row.columns().firstDifference(body);
      if (field != null) {
        return broken(Verification.Problem.ALTERED, seq, "entry " + seq + " is altered: its stored " + field + " " + quoted(row.columns().field(field))
            + " is not its body's " + quoted(body.field(field)));
      }
    }
    if (decoded.format() == 1) {
      if (sawV2) {
        return broken(Verification.Problem.ALTERED, seq, "entry " + seq + " is altered: a v1 body after v2 or v3 entries (v1 is no longer written)");
      }
    } else {
      if (decoded.format() == 2 && sawV3) {
        return broken(Verification.Problem.ALTERED, seq, "entry " + seq + " is altered: a v2 body after v3 entries (v2 is no longer written)");
      }
      if (openCommit != null && decoded.format() == 2 != (closedFormat == 2)) {
        return broken(Verification.Problem.ALTERED, seq, "entry " + seq + " is altered: its format differs from the rest of its commit");
      }
      sawV2 = true;
      sawV3 |= decoded.format() == 3;
      CommitRange commit = decoded.commit();
      if (openCommit == null && commit.first() != seq) {
        return broken(Verification.Problem.ALTERED, seq,
            "entry " + seq + " is altered: it names commit " + commit + ", but a new commit begins at entry " + seq);
      }
      if (openCommit != null && !openCommit.equals(commit)) {
        return broken(Verification.Problem.ALTERED, seq,
            "entry " + seq + " is altered: it names commit " + commit + ", but it belongs to commit " + openCommit);
      }
      openCommit = commit;
      closedFormat = decoded.format();
    }
    closedCommit = null;
    if (openCommit != null && seq == openCommit.last()) {
      closedCommit = openCommit;
      openCommit = null;
    }
    running = entry.rawHash();
    tree.append(MerkleTree.leafHash(entry.rawBody()));
    last = seq;
    count++;
    return null;
  }

  /** The checkpoint and kept heads at the entry just walked, and the signed head its commit ends with. */
  private Verification pins() {
    long seq = last;
    boolean signed = false;
    boolean signedRoot = false;
    String rootHex = null;
    while (nextCheckpoint != null && nextCheckpoint.seq() <= seq) {
      Checkpoint checkpoint = nextCheckpoint;
      nextCheckpoint = ascending.hasNext() ? ascending.next() : null;
      checkpointsSeen++;
      if (checkpoint.root() != null && checkpoint.seq() == seq && rootHex == null) {
        rootHex = HEX.formatHex(tree.root());
      }
      if (!Arrays.equals(checkpoint.hash(), running) || checkpoint.root() != null && !checkpoint.root().equals(rootHex)) {
        if (!signatureValid.test(checkpoint)) {
          return broken(Verification.Problem.BAD_CHECKPOINT, seq,
              "the checkpoint at entry " + seq + " has an invalid signature and does not match the entry");
        }
        long pin = lastGenuinePin(seq);
        return broken(Verification.Problem.ALTERED, pin + 1, span(pin, seq, "differ", "differs") + " from what was signed at " + checkpoint.at()
            + " (the signed head at entry " + seq + (Arrays.equals(checkpoint.hash(), running) ? ", its Merkle tree head" : "") + ")" + confirmedUpTo(pin));
      }
      if (openCommit != null) {
        return broken(Verification.Problem.BAD_CHECKPOINT, seq,
            "a checkpoint stands at entry " + seq + ", inside commit " + openCommit + ", where the store never signs");
      }
      lastMatched = checkpoint;
      signed = true;
      signedRoot |= checkpoint.root() != null;
    }
    for (KeptHead head : kept) {
      if (head.head().seq() == seq) {
        if (head.head().root() != null && rootHex == null) {
          rootHex = HEX.formatHex(tree.root());
        }
        if (!Arrays.equals(head.head().hash(), running) || head.head().root() != null && !head.head().root().equals(rootHex)) {
          long pin = lastGenuinePin(seq);
          return broken(Verification.Problem.ALTERED, pin + 1, span(pin, seq, "differ", "differs") + " from the signed head kept in " + head.where()
              + " (entry " + seq + ", signed at " + head.head().at() + ")" + confirmedUpTo(pin));
        }
        keptConfirmed = seq;
      }
    }
    if (closedCommit != null) {
      CommitRange commit = closedCommit;
      if (signedHeadsRequired && signed && closedFormat == 3 && !signedRoot) {
        return broken(Verification.Problem.BAD_CHECKPOINT, seq,
            "the signed head of commit " + commit + " names no Merkle tree head, which every v3 commit's signed head does");
      }
      if (signedHeadsRequired && !signed) {
        long pin = lastGenuinePin(seq);
        return broken(Verification.Problem.UNSIGNED, pin + 1, "the signed head of commit " + commit + " is missing: " + span(pin, seq, "are", "is")
            + " confirmed by no signed head (it was deleted, or the entries were written outside the store)" + confirmedUpTo(pin));
      }
    }
    return null;
  }

  private Verification end() {
    if (openCommit != null) {
      return truncatedCommit();
    }
    if (nextCheckpoint != null) {
      Checkpoint beyond = nextCheckpoint;
      while (ascending.hasNext()) {
        beyond = ascending.next(); // the highest names how much is missing
      }
      if (!signatureValid.test(beyond)) {
        return broken(Verification.Problem.BAD_CHECKPOINT, beyond.seq(),
            "the checkpoint at entry " + beyond.seq() + ", beyond the last entry " + last + ", has an invalid signature");
      }
      return broken(Verification.Problem.TRUNCATED, last + 1, span(last, beyond.seq(), "are", "is")
          + " missing: a signed checkpoint names entry " + beyond.seq() + " but the log ends at entry " + last);
    }
    for (KeptHead head : kept) {
      if (head.head().seq() > last) {
        return broken(Verification.Problem.TRUNCATED, last + 1, span(last, head.head().seq(), "are", "is")
            + " missing: the signed head kept in " + head.where() + " (signed at " + head.head().at() + ") records entry "
            + head.head().seq() + " but the log ends at entry " + last);
      }
    }
    if (lastMatched != null && !signatureValid.test(lastMatched)) {
      if (keptConfirmed >= lastMatched.seq()) {
        return broken(Verification.Problem.BAD_CHECKPOINT, lastMatched.seq(), "the signed head at entry " + lastMatched.seq()
            + " has an invalid signature (the entries up to entry " + keptConfirmed + " are confirmed by a signed head kept outside the database)");
      }
      long pin = lastGenuinePin(lastMatched.seq());
      return broken(Verification.Problem.BAD_CHECKPOINT, pin + 1, "the signed head at entry " + lastMatched.seq()
          + " has an invalid signature: " + span(pin, lastMatched.seq(), "are", "is") + " confirmed by no valid signed head" + confirmedUpTo(pin));
    }
    return new Verification.Intact(count, last, HEX.formatHex(running), checkpointsSeen);
  }

  private Verification truncatedCommit() {
    return broken(Verification.Problem.TRUNCATED, last + 1, span(last, openCommit.last(), "are", "is")
        + " missing: entry " + last + " belongs to commit " + openCommit + " but the log ends there");
  }

  /**
   * The highest entry below {@code seq} that a genuine signed head confirms: a kept head that matched, or
   * the highest checkpoint below whose signature holds (all of those below matched, or the walk would
   * have stopped there); 0 when none does.
   */
  private long lastGenuinePin(long seq) {
    long pin = 0;
    for (KeptHead head : kept) {
      if (head.head().seq() < seq && head.head().seq() <= keptConfirmed) {
        pin = Math.max(pin, head.head().seq());
      }
    }
    for (Iterator<Checkpoint> below = checkpoints.descendingBelow(seq); below.hasNext();) {
      Checkpoint checkpoint = below.next();
      if (checkpoint.seq() <= pin) {
        break;
      }
      if (signatureValid.test(checkpoint)) {
        return checkpoint.seq();
      }
    }
    return pin;
  }

  /** "entries 6 to 8 differ" or "entry 8 differs". */
  private static String span(long pin, long seq, String plural, String singular) {
    return pin + 1 == seq ? "entry " + seq + " " + singular : "entries " + (pin + 1) + " to " + seq + " " + plural;
  }

  private static String confirmedUpTo(long pin) {
    return pin == 0 ? "; no genuine signed head confirms an earlier entry" : "; entry " + pin + " is the last one a genuine signed head confirms";
  }

  private static String quoted(String value) {
    return value == null ? "(none)" : "'" + value + "'";
  }

  private static Verification broken(Verification.Problem problem, long seq, String message) {
    return new Verification.Broken(problem, seq, message);
  }
}
