package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.store.JdbcWitnesses.Cosignature;
import org.pactbridge.store.JdbcWitnesses.Evidence;
import org.pactbridge.store.JdbcWitnesses.Witnessed;

/**
 * The tables of witnessed audit (V18): the latest checkpoint held per peer only grows, evidence is kept once
 * per refused checkpoint with its audit entry in the same transaction, and a peer's cosignature of this
 * node's log is kept once per size. Run on H2 and PostgreSQL.
 */
abstract class WitnessesContract extends AuditStoreFixture {
  private static final PartyCode USA = PartyCode.of("USA");
  private static final String ROOT_A = "a".repeat(64);
  private static final String ROOT_B = "b".repeat(64);

  private static Witnessed checkpoint(long size, String root) {
    return new Witnessed(USA, size, root, "c".repeat(64), "2026-01-05T09:00:00Z", "statement-" + size, "cosignature-" + size, T0);
  }

  @Test
  void theHeldCheckpointOnlyGrows() {
    assertThat(store.witnesses().latest(USA)).isEmpty();
    store.witnesses().record(checkpoint(5, ROOT_A));
    store.witnesses().record(checkpoint(9, ROOT_B));
    // a concurrent round that kept a smaller one later changes nothing
    assertThat(store.witnesses().record(checkpoint(7, ROOT_A)).size()).isEqualTo(9);
    assertThat(store.witnesses().latest(USA).orElseThrow().root()).isEqualTo(ROOT_B);
    assertThat(store.witnesses().history(USA)).extracting(Witnessed::size).containsExactly(5L, 9L);
  }

  @Test
  void evidenceIsKeptOnceWithItsAuditEntry() {
    long before = store.audit().head().seq();
    Evidence first = store.witnesses().recordEvidence(USA, "ROLLBACK", 9, ROOT_B, 5, ROOT_A, "statement-5", "smaller", T0, T0.minusSeconds(3600 * 24 * 365L),
        AuditActor.node(PartyCode.of("KOR")));
    Evidence again = store.witnesses().recordEvidence(USA, "ROLLBACK", 9, ROOT_B, 5, ROOT_A, "statement-5", "smaller", T0.plusSeconds(5), T0,
        AuditActor.node(PartyCode.of("KOR")));
    assertThat(again.id()).isEqualTo(first.id());
    store.witnesses().recordEvidence(USA, "FORK", 9, ROOT_B, 9, ROOT_A, "statement-9", "other root", T0, T0, AuditActor.node(PartyCode.of("KOR")));
    assertThat(store.witnesses().evidence(USA)).extracting(Evidence::kind).containsExactly("ROLLBACK", "FORK");
    List<AuditEntry> entries = store.audit().entries(before + 1, 100);
    assertThat(entries).extracting(entry -> entry.event().kind()).containsExactly("WITNESS_EVIDENCE", "WITNESS_EVIDENCE");
    // the audit entry carries the instant it was given (the node's clock), not the real one the row keeps
    assertThat(entries.get(0).event().at()).isEqualTo(T0.minusSeconds(3600 * 24 * 365L));
    assertThat(entries.get(0).event().details()).containsEntry("evidence", first.id()).containsEntry("evidence-kind", "ROLLBACK")
        .containsEntry("held-size", "9").containsEntry("offered-size", "5");
    assertThat(store.audit().verify().ok()).isTrue();
  }

  @Test
  void aPeersCosignatureIsKeptOncePerSize() {
    store.witnesses().recordCosignature(new Cosignature(USA, 4, ROOT_A, "c".repeat(64), "jws-4", T0));
    store.witnesses().recordCosignature(new Cosignature(USA, 4, ROOT_A, "c".repeat(64), "jws-4-again", T0));
    store.witnesses().recordCosignature(new Cosignature(USA, 8, ROOT_B, "c".repeat(64), "jws-8", T0));
    assertThat(store.witnesses().latestCosignature(USA).orElseThrow().cosignature()).isEqualTo("jws-8");
    assertThat(query("SELECT COUNT(*) FROM audit_cosignature")).isEqualTo("2");
    assertThat(store.witnesses().latestCosignature(PartyCode.of("JPN"))).isEmpty();
  }
}
