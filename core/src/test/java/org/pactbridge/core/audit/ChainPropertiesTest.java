package org.pactbridge.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws of the audit chain: a chain built by appending verifies, and any single-byte change breaks it at that entry. */
class ChainPropertiesTest {

  @Provide
  Arbitrary<List<AuditEvent>> events() {
    Arbitrary<AuditEvent> event = Combinators.combine(
        Arbitraries.longs().between(0, 4_000_000_000L),
        Arbitraries.of("ITEM_ADDED", "RELEASED", "CONSENT_ANSWERED", "AGREEMENT_ADDED"),
        Arbitraries.of("KOR", "USA", "JPN", "admin"),
        Arbitraries.strings().withCharRange('a', 'z').withChars('-', '한', '秘', ' ').ofMinLength(1).ofMaxLength(20),
        Arbitraries.maps(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8).filter(key -> !AuditCodec.RESERVED.contains(key)),
            Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12)).ofMaxSize(4))
        .as((seconds, kind, actor, subject, details) -> new AuditEvent(Instant.ofEpochSecond(seconds), kind, actor, subject,
            new java.util.TreeMap<>(details)));
    return event.list().ofMinSize(1).ofMaxSize(12);
  }

  static List<AuditEntry> chain(List<AuditEvent> events) {
    List<AuditEntry> entries = new ArrayList<>();
    AuditEntry previous = null;
    for (AuditEvent event : events) {
      previous = AuditChain.next(previous, event);
      entries.add(previous);
    }
    return entries;
  }

  @Property
  void aChainBuiltByAppendingVerifies(@ForAll("events") List<AuditEvent> events) {
    List<AuditEntry> entries = chain(events);
    Verification verification = ChainVerifier.verify(entries);
    assertThat(verification.ok()).isTrue();
    for (int i = 0; i < events.size(); i++) {
      assertThat(entries.get(i).event()).isEqualTo(events.get(i));
    }
  }

  /** Flips one byte anywhere in an entry's stored form: its previous hash, its body, or its hash. */
  @Property
  void anySingleByteChangeBreaksTheChainAtThatEntry(
      @ForAll("events") List<AuditEvent> events,
      @ForAll @IntRange(min = 0, max = 1_000_000) int entryPick,
      @ForAll @IntRange(min = 0, max = 1_000_000) int bytePick,
      @ForAll @IntRange(min = 1, max = 255) int mask) {
    List<AuditEntry> entries = new ArrayList<>(chain(events));
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
    Verification verification = ChainVerifier.verify(entries);
    assertThat(verification.ok()).isFalse();
    assertThat(((Verification.Broken) verification).seq()).isEqualTo(target.seq());
  }
}
