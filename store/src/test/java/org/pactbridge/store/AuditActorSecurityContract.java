package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.consent.ConsentAnswer;
import org.pactbridge.core.consent.ConsentRequest;
import org.pactbridge.core.item.Holding;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.Release;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.logistics.Ledger;
import org.pactbridge.core.logistics.Money;
import org.pactbridge.core.logistics.Transfer;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.world.WorldLoader;

/**
 * Security issue 15, finding 7: the audit names a person, not a nation. Every write of the store names
 * the acting user's id, name and nationality, in the body and in the columns beside it: a JOINT item of
 * US level registered by a KOR user says KOR. Run on both databases by the subclasses.
 */
abstract class AuditActorSecurityContract extends AuditStoreFixture {
  static final PartyCode KOR = PartyCode.of("KOR");
  static final PartyCode USA = PartyCode.of("USA");
  static final PartyCode JPN = PartyCode.of("JPN");
  static final AuditActor SMITH = AuditActor.user("9a8b-smith", "smith", USA);
  static final AuditActor TANAKA = AuditActor.user("u-tanaka", "tanaka", JPN);
  static final AuditActor OPERATOR = AuditActor.localOperator("root");

  AuditEntry last() {
    return store.audit().entries(store.audit().head().seq(), 1).get(0);
  }

  /** The actor columns of entry {@code seq}, as stored. */
  List<String> actorColumns(long seq) throws Exception {
    try (Connection connection = TestDatabases.connect(config);
        PreparedStatement select = connection.prepareStatement("SELECT actor_id, actor_name, actor_nation FROM audit_entry WHERE seq = ?")) {
      select.setLong(1, seq);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return java.util.Arrays.asList(row.getString(1), row.getString(2), row.getString(3));
      }
    }
  }

  @Test
  void aJointItemOfUsLevelRegisteredByAKoreanUserNamesTheKoreanUser() throws Exception {
    Registry world = WorldLoader.reference();
    var draft = new JdbcItemRepository.Draft(List.of(USA, KOR), world.requireParty(USA).findLevel("SECRET", T0).orElseThrow(),
        Releasability.relTo(List.of("USA", "KOR")), false, Set.of(Topic.of("dprk-missile")), null, "SECRET//REL TO USA, KOR");
    Item item = store.items().register(draft, "joint".getBytes(StandardCharsets.UTF_8), T0, KIM);
    AuditEntry entry = last();
    assertThat(entry.event().kind()).isEqualTo("ITEM_ADDED");
    assertThat(entry.event().subject()).isEqualTo(item.id().value());
    assertThat(entry.event().actor()).isEqualTo(KIM);
    assertThat(entry.event().actor().nation()).isEqualTo(KOR); // not USA, the level's party
    assertThat(entry.event().details()).containsEntry("originators", "USA,KOR").containsEntry("level", "USA:SECRET");
    assertThat(new String(entry.body(), StandardCharsets.UTF_8)).contains("\nactor.id=6f1c2d4e-kim\nactor.name=kim\nactor.nation=KOR\n");
    assertThat(actorColumns(entry.seq())).containsExactly("6f1c2d4e-kim", "kim", "KOR");
  }

  @Test
  void everyWriteOfTheStoreNamesWhoActed() throws Exception {
    store.registry().importRegistry(WorldLoader.reference(), OPERATOR, T0, JdbcRegistryStore.Progress.NONE);
    assertThat(last().event().kind()).isEqualTo("REGISTRY_IMPORTED");
    assertThat(last().event().actor()).isEqualTo(OPERATOR);
    assertThat(actorColumns(last().seq())).containsExactly("local:root", "root", null);

    Registry world = store.registry().require();
    var draft = new JdbcItemRepository.Draft(List.of(KOR), world.requireParty(KOR).findLevel("II", T0).orElseThrow(),
        Releasability.relTo(List.of("USA", "JPN")), false, Set.of(), null, "//KOR II//REL TO USA, JPN");
    Item item = store.items().register(draft, "x".getBytes(StandardCharsets.UTF_8), T0, KIM);
    store.holdings().add(new Holding(item.id(), USA, T0, List.of(KOR, USA), "//KOR II"), KIM);
    assertThat(last().event().actor()).isEqualTo(KIM);
    store.consents().request(new ConsentRequest("c-1", item.id(), KOR, USA, JPN, T0), SMITH);
    assertThat(last().event().actor()).isEqualTo(SMITH);
    store.consents().answer(new ConsentAnswer("c-1", KOR, ConsentAnswer.Verdict.GRANTED, T0.plusSeconds(1), List.of()), KIM);
    assertThat(last().event().actor()).isEqualTo(KIM);
    store.releases().record(new Release("r-1", item.id(), USA, JPN, T0.plusSeconds(2), Outcome.PERMIT, List.of(),
        List.of(AgreementId.of("USA-JPN-GSOMIA-2007")), "JPN:GOKUHI", true), new Holding(item.id(), JPN, T0.plusSeconds(2), List.of(KOR, USA, JPN),
        "極秘"), SMITH);
    List<AuditEntry> release = store.audit().entries(last().seq() - 1, 2);
    assertThat(release).extracting(entry -> entry.event().kind()).containsExactly("RELEASED", "HOLDING_ADDED");
    assertThat(release).extracting(entry -> entry.event().actor()).containsOnly(SMITH);
    assertThat(release.get(0).decoded().commit()).isEqualTo(release.get(1).decoded().commit()); // one commit, one signed head

    new Ledger(world, store.ledger(TANAKA)).provide(new Transfer(AgreementId.of("USA-JPN-ACSA"), JPN, USA, Category.FUEL, null,
        Money.of("100", "JPY"), Instant.parse("2020-01-05T00:00:00Z")));
    assertThat(last().event().kind()).isEqualTo("LEDGER_APPENDED");
    assertThat(last().event().actor()).isEqualTo(TANAKA);
    assertThat(actorColumns(last().seq())).containsExactly("u-tanaka", "tanaka", "JPN");

    store.items().registerAll(List.of(new JdbcItemRepository.NewItem(draft, "y".getBytes(StandardCharsets.UTF_8))), T0, KIM);
    assertThat(last().event().kind()).isEqualTo("ITEMS_IMPORTED");
    assertThat(last().event().actor()).isEqualTo(KIM);
    assertThat(store.audit().verify().ok()).isTrue();
  }
}
