package org.pactbridge.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.pactbridge.core.merkle.MerkleFrontier;
import org.pactbridge.core.party.PartyCode;

/**
 * Laws of the audit chain: a chain built by appending verifies (v2, and v1 followed by v2); any
 * single-byte change breaks it at that entry; and, with a signed head per commit, a rewrite with fresh
 * hashes, deleted signed heads and a truncation of both entries and checkpoints are each named at the
 * first entry that is wrong. Signatures here are a hand-written fake (a hash of the signed bytes): the
 * laws are about which signatures the verifier relies on, not about Ed25519.
 */
class ChainPropertiesTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Instant SIGNED_AT = Instant.parse("2026-01-05T09:00:00Z");

  @Provide
  Arbitrary<AuditActor> actors() {
    return Arbitraries.oneOf(
        Combinators.combine(Arbitraries.strings().withCharRange('a', 'f').ofLength(8), Arbitraries.of("kim", "tanaka", "smith", "이순신"),
            Arbitraries.of("KOR", "USA", "JPN", "NATO")).as((id, name, nation) -> AuditActor.user(id, name, PartyCode.of(nation))),
        Arbitraries.of(AuditActor.node(PartyCode.of("KOR")), AuditActor.localOperator("root")));
  }

  @Provide
  Arbitrary<List<AuditEvent>> events() {
    Arbitrary<AuditEvent> event = Combinators.combine(
        Arbitraries.longs().between(0, 4_000_000_000L),
        Arbitraries.of("ITEM_ADDED", "RELEASED", "CONSENT_ANSWERED", "AGREEMENT_ADDED"),
        actors(),
        Arbitraries.strings().withCharRange('a', 'z').withChars('-', '한', '秘', ' ').ofMinLength(1).ofMaxLength(20),
        Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8).filter(AuditEvent::isDetailKey),
            Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12)).ofMaxSize(4))
        .as((seconds, kind, actor, subject, details) -> new AuditEvent(Instant.ofEpochSecond(seconds), kind, actor, subject, new TreeMap<>(details)));
    return event.list().ofMinSize(1).ofMaxSize(12);
  }

  /** Events as commits: each commit holds 1 to 3 events, split by {@code cuts}. */
  static List<AuditEntry> chain(List<AuditEvent> events, long cuts) {
    List<AuditEntry> entries = new ArrayList<>();
    byte[] prev = AuditChain.genesis();
    int index = 0;
    long bits = cuts;
    while (index < events.size()) {
      int size = Math.min(events.size() - index, 1 + (int) Math.floorMod(bits, 3L));
      bits /= 3;
      List<AuditEntry> commit = AuditChain.commit(index + 1L, prev, events.subList(index, index + size));
      entries.addAll(commit);
      prev = commit.get(commit.size() - 1).hash();
      index += size;
    }
    return entries;
  }

  /** The same events, the first {@code v1Count} written as v1 entries (with v1 actors), the rest as v2 commits of one. */
  static List<AuditEntry> mixed(List<AuditEvent> events, int v1Count) {
    List<AuditEntry> entries = new ArrayList<>();
    byte[] prev = AuditChain.genesis();
    for (int i = 0; i < events.size(); i++) {
      AuditEvent event = events.get(i);
      AuditEntry entry = i < v1Count
          ? AuditChain.appendV1(i + 1L, prev, new AuditEvent(event.at(), event.kind(), AuditActor.v1(event.actor().userName()), event.subject(),
              event.details()))
          : AuditChain.append(i + 1L, prev, event);
      entries.add(entry);
      prev = entry.hash();
    }
    return entries;
  }

  static String fakeSignature(byte[] signed) {
    try {
      return "fake:" + HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(signed));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean fakeValid(Checkpoint checkpoint) {
    return checkpoint.signature().equals(fakeSignature(checkpoint.signedBytes()));
  }

  /** A v1 signed head of {@code entry} (no tree head), as v2 commits had. */
  static Checkpoint sign(AuditEntry entry) {
    return new Checkpoint(entry.seq(), entry.hashHex(), SIGNED_AT, "fake-key", fakeSignature(Checkpoint.signedBytes(entry.seq(), entry.hashHex(), SIGNED_AT)));
  }

  /** A v2 signed head of the entry at {@code seq}: its hash and the tree head over entries 1..seq. */
  static Checkpoint signTree(List<AuditEntry> entries, long seq) {
    MerkleFrontier tree = new MerkleFrontier();
    for (AuditEntry entry : entries.subList(0, (int) seq)) {
      tree.appendData(entry.body());
    }
    AuditEntry entry = entries.get((int) seq - 1);
    String root = HEX.formatHex(tree.root());
    return new Checkpoint(seq, entry.hashHex(), SIGNED_AT, "fake-key", fakeSignature(Checkpoint.signedBytes(seq, root, entry.hashHex(), SIGNED_AT)), root);
  }

  /** The signed heads the store writes after each commit: v1 at the last entry of a v2 commit, v2 (with the tree head) of a v3 one. */
  static List<Checkpoint> signedHeads(List<AuditEntry> entries) {
    List<Checkpoint> heads = new ArrayList<>();
    for (AuditEntry entry : entries) {
      AuditCodec.Decoded decoded = entry.decoded();
      if (decoded.format() >= 2 && decoded.commit().last() == entry.seq()) {
        heads.add(decoded.format() == 3 ? signTree(entries, entry.seq()) : sign(entry));
      }
    }
    return heads;
  }

  static Verification verify(List<AuditEntry> entries, List<Checkpoint> checkpoints, List<KeptHead> kept) {
    List<AuditRow> rows = entries.stream().map(entry -> new AuditRow(entry, IndexedFields.of(entry.decoded()))).toList();
    return ChainVerifier.verify(rows.iterator(), CheckpointSource.of(checkpoints), kept, ChainPropertiesTest::fakeValid, hash -> OptionalLong.empty());
  }

  @Property
  void aChainBuiltByAppendingCommitsVerifies(@ForAll("events") List<AuditEvent> events, @ForAll long cuts) {
    List<AuditEntry> entries = chain(events, cuts);
    assertThat(ChainVerifier.verifyLinks(entries).ok()).isTrue();
    assertThat(verify(entries, signedHeads(entries), List.of(new KeptHead("file", signTree(entries, entries.size()))))).isEqualTo(
        new Verification.Intact(entries.size(), entries.size(), entries.get(entries.size() - 1).hashHex(), signedHeads(entries).size()));
    for (int i = 0; i < events.size(); i++) {
      assertThat(entries.get(i).event()).isEqualTo(events.get(i));
    }
  }

  @Property
  void v1EntriesFollowedByV2CommitsVerify(@ForAll("events") List<AuditEvent> events, @ForAll @IntRange(min = 0, max = 12) int v1Count) {
    List<AuditEntry> entries = mixed(events, Math.min(v1Count, events.size()));
    assertThat(verify(entries, signedHeads(entries), List.of()).ok()).isTrue();
  }

  /** Flips one byte anywhere in an entry's stored form: its previous hash, its body, or its hash. */
  @Property
  void anySingleByteChangeBreaksTheChainAtThatEntry(
      @ForAll("events") List<AuditEvent> events,
      @ForAll @IntRange(min = 0, max = 12) int v1Count,
      @ForAll @IntRange(min = 0, max = 1_000_000) int entryPick,
      @ForAll @IntRange(min = 0, max = 1_000_000) int bytePick,
      @ForAll @IntRange(min = 1, max = 255) int mask) {
    List<AuditEntry> entries = new ArrayList<>(mixed(events, Math.min(v1Count, events.size())));
    int index = entryPick % entries.size();
    AuditEntry target = entries.get(index);
    byte[] prev = target.prevHash();
    byte[] body = target.body();
    byte[] hash = target.hash();
    int position = bytePick % (prev.length + body.length + hash.length);
    if (position < prev.length) {
      prev[position] ^= (byte) mask;
    } else if (position < prev.length + body.length) {
      body[position - prev.length] ^= (byte) mask;
    } else {
      hash[position - prev.length - body.length] ^= (byte) mask;
    }
    entries.set(index, new AuditEntry(target.seq(), prev, body, hash));
    Verification verification = ChainVerifier.verifyLinks(entries);
    assertThat(verification.ok()).isFalse();
    assertThat(((Verification.Broken) verification).seq()).isEqualTo(target.seq());
  }

  /** Rewrites the chain from one entry on with fresh hashes: a consistent chain the signed heads still catch. */
  @Property
  void aRewriteWithFreshHashesIsNamedAtItsCommit(@ForAll("events") List<AuditEvent> events, @ForAll long cuts,
      @ForAll @IntRange(min = 0, max = 1_000_000) int pick) {
    List<AuditEntry> entries = chain(events, cuts);
    List<Checkpoint> signed = signedHeads(entries);
    int from = pick % entries.size();
    AuditEntry target = entries.get(from);
    CommitRange commit = target.decoded().commit();
    List<AuditEntry> rewritten = new ArrayList<>(entries.subList(0, (int) commit.first() - 1));
    byte[] prev = commit.first() == 1 ? AuditChain.genesis() : entries.get((int) commit.first() - 2).hash();
    List<AuditEvent> changed = new ArrayList<>();
    for (AuditEntry entry : entries.subList((int) commit.first() - 1, (int) commit.last())) {
      AuditEvent event = entry.event();
      changed.add(entry.seq() == target.seq() ? new AuditEvent(event.at(), event.kind(), event.actor(), event.subject() + "!", event.details()) : event);
    }
    List<AuditEntry> again = AuditChain.commit(commit.first(), prev, changed);
    rewritten.addAll(again);
    prev = again.get(again.size() - 1).hash();
    for (AuditEntry entry : entries.subList((int) commit.last(), entries.size())) {
      CommitRange later = entry.decoded().commit();
      if (later.first() == entry.seq()) {
        List<AuditEntry> relinked = AuditChain.commit(later.first(), prev,
            entries.subList((int) later.first() - 1, (int) later.last()).stream().map(AuditEntry::event).toList());
        rewritten.addAll(relinked);
        prev = relinked.get(relinked.size() - 1).hash();
      }
    }
    assertThat(ChainVerifier.verifyLinks(rewritten).ok()).isTrue();
    Verification verification = verify(rewritten, signed, List.of());
    assertThat(verification).isInstanceOf(Verification.Broken.class);
    assertThat(((Verification.Broken) verification).problem()).isEqualTo(Verification.Problem.ALTERED);
    assertThat(((Verification.Broken) verification).seq()).isEqualTo(commit.first());
    // deleting the signed heads from that commit on does not hide it: the commit has no signed head
    List<Checkpoint> kept = signed.stream().filter(checkpoint -> checkpoint.seq() < commit.first()).toList();
    Verification unsigned = verify(rewritten, kept, List.of());
    assertThat(((Verification.Broken) unsigned).problem()).isEqualTo(Verification.Problem.UNSIGNED);
    assertThat(((Verification.Broken) unsigned).seq()).isEqualTo(commit.first());
  }

  /** Cuts the chain after a commit and drops the signed heads beyond: only the head kept outside names the cut. */
  @Property
  void truncatingEntriesAndCheckpointsIsCaughtByAKeptHead(@ForAll("events") List<AuditEvent> events, @ForAll long cuts,
      @ForAll @IntRange(min = 0, max = 1_000_000) int pick) {
    List<AuditEntry> entries = chain(events, cuts);
    List<Checkpoint> signed = signedHeads(entries);
    Checkpoint cutAt = signed.get(pick % signed.size());
    if (cutAt.seq() == entries.size()) {
      return; // nothing after it to cut
    }
    List<AuditEntry> truncated = entries.subList(0, (int) cutAt.seq());
    List<Checkpoint> remaining = signed.stream().filter(checkpoint -> checkpoint.seq() <= cutAt.seq()).toList();
    assertThat(verify(truncated, remaining, List.of()).ok()).isTrue();
    KeptHead file = new KeptHead("audit-head", signed.get(signed.size() - 1));
    long first = cutAt.seq() + 1;
    String missing = first == entries.size() ? "entry " + first + " is missing" : "entries " + first + " to " + entries.size() + " are missing";
    assertThat(verify(truncated, remaining, List.of(file))).isEqualTo(new Verification.Broken(Verification.Problem.TRUNCATED, first,
        missing + ": the signed head kept in audit-head (signed at " + SIGNED_AT + ") records entry " + entries.size()
            + " but the log ends at entry " + cutAt.seq()));
  }

  /** v1 entries, then v2 commits (v1-form signed heads), then v3 commits (signed tree heads): one chain that verifies. */
  @Property
  void v1ThenV2ThenV3Verifies(@ForAll("events") List<AuditEvent> events, @ForAll @IntRange(min = 0, max = 12) int v1Count,
      @ForAll @IntRange(min = 0, max = 12) int v2Count) {
    int ones = Math.min(v1Count, events.size());
    int twos = Math.min(v2Count, events.size() - ones);
    List<AuditEntry> entries = new ArrayList<>(mixed(events.subList(0, ones), ones));
    byte[] prev = entries.isEmpty() ? AuditChain.genesis() : entries.get(entries.size() - 1).hash();
    for (int i = ones; i < events.size(); i++) {
      List<AuditEntry> commit = i < ones + twos ? AuditChain.commitV2(i + 1L, prev, List.of(events.get(i))) : AuditChain.commit(i + 1L, prev, List.of(events.get(i)));
      entries.addAll(commit);
      prev = commit.get(0).hash();
    }
    assertThat(verify(entries, signedHeads(entries), List.of()).ok()).isTrue();
    if (ones + twos < events.size() && ones + twos > 0) {
      // a v2 body after v3 ones is refused: v3 may follow v2, never the reverse
      List<AuditEntry> reversed = new ArrayList<>(entries.subList(0, ones + twos));
      byte[] last = reversed.get(reversed.size() - 1).hash();
      List<AuditEntry> v3 = AuditChain.commit(ones + twos + 1L, last, List.of(events.get(ones + twos)));
      reversed.addAll(v3);
      reversed.addAll(AuditChain.commitV2(ones + twos + 2L, v3.get(0).hash(), List.of(events.get(0))));
      Verification broken = verify(reversed, signedHeads(reversed), List.of());
      assertThat(broken).isInstanceOf(Verification.Broken.class);
      assertThat(((Verification.Broken) broken).problem()).isEqualTo(Verification.Problem.ALTERED);
      assertThat(((Verification.Broken) broken).seq()).isEqualTo(ones + twos + 2L);
    }
  }

  /**
   * A genuine signed head whose tree head is not the tree of the entries (the entries' bytes still hash
   * right, the root was signed over other leaves) names the entries from the last good pin; a v3 commit
   * whose signed head carries no tree head is a bad checkpoint.
   */
  @Property
  void aSignedTreeHeadThatDiffersIsNamed(@ForAll("events") List<AuditEvent> events, @ForAll long cuts,
      @ForAll @IntRange(min = 0, max = 1_000_000) int pick) {
    List<AuditEntry> entries = chain(events, cuts);
    List<Checkpoint> signed = new ArrayList<>(signedHeads(entries));
    int at = pick % signed.size();
    Checkpoint genuine = signed.get(at);
    String otherRoot = HEX.formatHex(MerkleFrontierRoot.of(entries, genuine.seq(), true));
    signed.set(at, new Checkpoint(genuine.seq(), genuine.hashHex(), SIGNED_AT, "fake-key",
        fakeSignature(Checkpoint.signedBytes(genuine.seq(), otherRoot, genuine.hashHex(), SIGNED_AT)), otherRoot));
    Verification broken = verify(entries, signed, List.of());
    assertThat(broken).isInstanceOf(Verification.Broken.class);
    assertThat(((Verification.Broken) broken).problem()).isEqualTo(Verification.Problem.ALTERED);
    long pin = at == 0 ? 0 : signed.get(at - 1).seq();
    assertThat(((Verification.Broken) broken).seq()).isEqualTo(pin + 1);
    signed.set(at, sign(entries.get((int) genuine.seq() - 1)));
    Verification rootless = verify(entries, signed, List.of());
    assertThat(rootless).isEqualTo(new Verification.Broken(Verification.Problem.BAD_CHECKPOINT, genuine.seq(),
        "the signed head of commit " + entries.get((int) genuine.seq() - 1).decoded().commit()
            + " names no Merkle tree head, which every v3 commit's signed head does"));
  }

  /** Tree heads for the tests: of the first {@code seq} bodies, or (other) of them with the last leaf doubled. */
  static final class MerkleFrontierRoot {
    static byte[] of(List<AuditEntry> entries, long seq, boolean other) {
      MerkleFrontier tree = new MerkleFrontier();
      for (AuditEntry entry : entries.subList(0, (int) seq)) {
        tree.appendData(entry.body());
      }
      if (other) {
        tree.appendData(entries.get((int) seq - 1).body());
      }
      return tree.root();
    }
  }
}
