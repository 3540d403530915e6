package org.pactbridge.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.consent.ConsentAnswer;
import org.pactbridge.core.consent.ConsentRequest;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.logistics.Money;
import org.pactbridge.core.logistics.Transfer;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;
import org.pactbridge.store.MigrationProgress;
import org.pactbridge.store.Store;
import org.pactbridge.store.StoreConfig;
import org.pactbridge.world.WorldLoader;

/**
 * The use cases on a real store, for what the server's HTTP tests do not reach: the refusals by kind
 * and code as the service layer gives them, the audit page's cursor over hidden entries, the tally of
 * decisions, the ledger's nation checks on both databases, and the operator's use cases of the command
 * line. Korea originates, the United States receives, Japan asks; in June 2024, with the reference world.
 * Run on H2 and PostgreSQL by the subclasses.
 */
abstract class ServiceContract {
  private static final Registry WORLD = WorldLoader.reference();
  private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
  private static final Topic MISSILES = Topic.of("dprk-missile");

  private static final User KOR_ORIGINATOR = user("kor-originator", "KOR", "I", Role.ORIGINATOR);
  private static final User KOR_OFFICER = user("kor-fdo", "KOR", "I", Role.DISCLOSURE_OFFICER);
  private static final User USA_ANALYST = user("usa-analyst", "USA", "SECRET", Role.ANALYST);
  private static final User USA_OFFICER = user("usa-fdo", "USA", "TOP_SECRET", Role.DISCLOSURE_OFFICER);
  private static final User JPN_OFFICER = user("jpn-fdo", "JPN", "KIMITSU", Role.DISCLOSURE_OFFICER);
  private static final User JPN_AUDITOR = user("jpn-auditor", "JPN", "KIMITSU", Role.AUDITOR);

  @TempDir Path dir;

  private StoreConfig config;
  private Store store;
  private Items items;

  abstract StoreConfig newConfig(Path dir);

  void dropDatabase(StoreConfig config) {}

  @BeforeEach
  void open() {
    config = newConfig(dir);
    store = Store.open(config);
    items = new Items(store, new ReleaseEngine(WORLD), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    store.close();
    dropDatabase(config);
  }

  @Test
  void theKeyringCreatesItsKeysOnFirstUseAndRotatesAndRetiresThemAsTheOperatorSays() {
    NodeKeyring keyring = new NodeKeyring(store, PartyCode.of("KOR"), Clock.fixed(NOW, ZoneOffset.UTC));
    org.pactbridge.tdf.KasKey kas = keyring.kasKey("https://kor.example/kas");
    assertThat(kas.url()).isEqualTo("https://kor.example/kas");
    assertThat(keyring.kasKey("https://kor.example/kas").kid()).isEqualTo(kas.kid());
    assertThat(keyring.kasPrivateKey(kas.kid())).isPresent();
    org.pactbridge.tdf.SigningKey signer = keyring.assertionKey();
    assertThat(keyring.assertionPublicKey(signer.kid())).isPresent();
    assertThat(keyring.kasPrivateKey(signer.kid())).as("an assertion key never unwraps").isEmpty();
    assertThat(keyring.assertionPublicKey(kas.kid())).as("a KAS key never verifies assertions").isEmpty();
    AuditActor operator = AuditActor.localOperator("ops");
    var next = keyring.rotate(NodeKeyring.Kind.KAS, operator);
    assertThat(keyring.kasKey("https://kor.example/kas").kid()).isEqualTo(next.kid());
    assertThat(keyring.kasPrivateKey(kas.kid())).as("superseded, still unwraps").isPresent();
    assertThatThrownBy(() -> keyring.retire(next.kid(), operator)).isInstanceOfSatisfying(ServiceException.class,
        e -> assertThat(e.code()).isEqualTo("KEY_NOT_RETIRABLE"));
    assertThatThrownBy(() -> keyring.retire("kas-0123456789abcdef", operator)).isInstanceOf(ServiceException.class);
    keyring.retire(kas.kid(), operator);
    assertThat(keyring.kasPrivateKey(kas.kid())).as("retired, dropped from memory too").isEmpty();
    assertThat(org.pactbridge.tdf.RewrapToken.pem(next.publicKey())).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
    assertThat(store.audit().entries(1, 1000)).extracting(entry -> entry.event().kind())
        .containsSubsequence("TDF_KEY_CREATED", "TDF_KEY_CREATED", "TDF_KEY_ROTATED", "TDF_KEY_RETIRED");
  }

  private static User user(String name, String nation, String clearance, Role role) {
    Level level = WORLD.requireParty(nation).findLevelInAnyVersion(clearance).orElseThrow();
    return new User(UUID.randomUUID().toString(), name, PartyCode.of(nation), level, Set.of(MISSILES), Set.of(), Set.of(role), NOW);
  }

  private static ReleaseRequest korII(User holder) {
    Level level = WORLD.requireParty("KOR").findLevelInAnyVersion("II").orElseThrow();
    return new ReleaseRequest(Set.of(PartyCode.of("KOR")), level, Releasability.open(), false, Set.of(MISSILES), null, holder.nationality(),
        holder.nationality(), null, Set.of(), NOW);
  }

  /** A KOR II item on missiles, registered by a Korean originator. */
  private Item registerKorII(String content) {
    return items.register(KOR_ORIGINATOR, korII(KOR_ORIGINATOR), "//KOR II", null, bytes(content), ItemTitle.NONE);
  }

  private static ServiceException refusal(Runnable call) {
    try {
      call.run();
    } catch (ServiceException e) {
      return e;
    }
    throw new AssertionError("expected a refusal");
  }

  @Test
  void aUserRegistersOnlyWhatTheirNationOriginates() {
    User jpnOriginator = user("jpn-originator", "JPN", "KIMITSU", Role.ORIGINATOR);

    ServiceException refused = refusal(() -> items.register(jpnOriginator, korII(jpnOriginator), "//KOR II", null, bytes("report"), ItemTitle.NONE));

    assertThat(refused.kind()).isEqualTo(ServiceException.Kind.FORBIDDEN);
    assertThat(refused.code()).isEqualTo("NOT_ORIGINATOR");
    assertThat(refused.detail()).doesNotContain("report");
    assertThat(items.listVisible(KOR_ORIGINATOR, 0, 100)).isEmpty();
    assertThat(store.audit().entries(1, 100)).isEmpty();
  }

  @Test
  void aReleaseMakesTheItemVisibleAndTheAuditPageMovesPastWhatItHides() {
    Item item = registerKorII("launch-site");
    assertThat(items.findVisible(USA_ANALYST, item.id())).isEmpty();

    ItemReleases.ItemDecision released = new ItemReleases(items).release(KOR_OFFICER, item, PartyCode.of("USA"));

    assertThat(released.decision().outcome()).isEqualTo(Outcome.PERMIT);
    // the United States' holding records the agreement the permit relied on for the hop to it
    assertThat(store.holdings().holdingsOf(item.id())).filteredOn(holding -> holding.holder().equals(PartyCode.of("USA")))
        .extracting(holding -> holding.agreement()).containsExactly(AgreementId.of("ROK-USA-GSOMIA-1987"));
    assertThat(items.requireVisible(USA_ANALYST, item.id().value())).isEqualTo(item);
    assertThat(items.content(item)).isEqualTo("launch-site");
    // Both entries (added, released) are about a Korean item Japan does not hold: hidden, and the cursor still moves.
    AuditReading audit = new AuditReading(items);
    AuditReading.Page page = audit.page(JPN_AUDITOR, 1, 2);
    assertThat(page.shown()).isEmpty();
    assertThat(page.next()).isEqualTo(3L);
    assertThat(audit.page(USA_ANALYST, 1, 2).shown()).extracting(entry -> entry.event().kind()).containsExactly("ITEM_ADDED", "RELEASED");
    assertThat(audit.page(USA_ANALYST, 1, 10).next()).isNull();
    assertThat(audit.verify().ok()).isTrue();
  }

  @Test
  void consentIsAskedByAHolderAndAnsweredOnceByTheOriginatorsOfficer() {
    Item item = registerKorII("report");
    new ItemReleases(items).release(KOR_OFFICER, item, PartyCode.of("USA"));
    Consents consents = new Consents(items);

    ServiceException own = refusal(() -> consents.request(KOR_OFFICER, item, PartyCode.of("JPN")));
    assertThat(own.kind()).isEqualTo(ServiceException.Kind.CONFLICT);
    assertThat(own.code()).isEqualTo("ORIGINATOR_NEEDS_NO_CONSENT");
    ServiceException notHeld = refusal(() -> consents.request(JPN_OFFICER, item, PartyCode.of("USA")));
    assertThat(notHeld.kind()).isEqualTo(ServiceException.Kind.NOT_FOUND);

    ConsentRequest request = consents.request(USA_OFFICER, item, PartyCode.of("JPN")).get(0);

    assertThat(consents.visibleTo(KOR_OFFICER, true)).containsExactly(request);
    assertThat(consents.visibleTo(JPN_OFFICER, false)).isEmpty();
    assertThat(refusal(() -> consents.require(JPN_OFFICER, request.id())).kind()).isEqualTo(ServiceException.Kind.NOT_FOUND);
    ServiceException notOfficer = refusal(() -> consents.answer(USA_OFFICER, request, ConsentAnswer.Verdict.GRANTED, List.of()));
    assertThat(notOfficer.kind()).isEqualTo(ServiceException.Kind.FORBIDDEN);
    assertThat(notOfficer.code()).isEqualTo("NOT_ORIGINATOR_OFFICER");
    consents.answer(KOR_OFFICER, request, ConsentAnswer.Verdict.REFUSED, List.of());
    ServiceException twice = refusal(() -> consents.answer(KOR_OFFICER, request, ConsentAnswer.Verdict.GRANTED, List.of()));
    assertThat(twice.kind()).isEqualTo(ServiceException.Kind.CONFLICT);
    assertThat(twice.code()).isEqualTo("ALREADY_ANSWERED");
    assertThat(consents.answerTo(request).orElseThrow().verdict()).isEqualTo(ConsentAnswer.Verdict.REFUSED);
    assertThat(consents.visibleTo(KOR_OFFICER, true)).isEmpty();
  }

  @Test
  void everyDecisionIsAnEntryAndABatchIsOne() {
    User analyst = user("kor-analyst", "KOR", "I", Role.ANALYST);
    Decisions decisions = new Decisions(new ReleaseEngine(WORLD), store.audit(), Clock.fixed(NOW, ZoneOffset.UTC));
    Level level = WORLD.requireParty("KOR").findLevelInAnyVersion("II").orElseThrow();
    ReleaseRequest toUsa = ReleaseRequest.simple(level, PartyCode.of("USA"), Set.of(MISSILES), NOW);
    Decisions.Recorded first = decisions.decide(analyst, toUsa);
    Decisions.Recorded second = decisions.decide(analyst, toUsa);
    assertThat(second.entry().seq()).isEqualTo(first.entry().seq() + 1);

    List<AuditEntry> entries = store.audit().entries(first.entry().seq(), 10);
    assertThat(entries).hasSize(2);
    AuditEntry entry = entries.get(0);
    assertThat(entry.event().kind()).isEqualTo("DECISION");
    assertThat(entry.event().actor()).isEqualTo(AuditActors.of(analyst));
    assertThat(entry.event().details()).containsEntry("outcome", first.decision().outcome().name())
        .containsEntry("reasons", String.join(",", first.decision().reasons().stream().map(reason -> reason.code().name()).distinct().toList()))
        .containsEntry("to", "USA").containsEntry("level", level.qualified()).containsEntry("topics", MISSILES.slug());

    Decisions.Batch batch = decisions.batch(analyst);
    for (int i = 0; i < 3; i++) {
      batch.decide(toUsa);
    }
    AuditEntry recorded = batch.record("ab".repeat(32), "cd".repeat(32));
    assertThat(store.audit().entries(recorded.seq(), 10)).singleElement().satisfies(one -> {
      assertThat(one.event().kind()).isEqualTo("DECISION_BATCH");
      String counted = "outcome." + first.decision().outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      assertThat(one.event().details()).containsEntry("count", "3").containsEntry(counted, "3").containsEntry("request-sha256", "ab".repeat(32))
          .containsEntry("response-sha256", "cd".repeat(32));
    });
    assertThat(store.audit().verify().ok()).isTrue();
  }

  @Test
  void anOfficerKeepsTheLedgerOnlyForTheirOwnNation() {
    User korLogistics = user("kor-logistics", "KOR", "I", Role.LOGISTICS_OFFICER);
    User jpnLogistics = user("jpn-logistics", "JPN", "KIMITSU", Role.LOGISTICS_OFFICER);
    Logistics logistics = new Logistics(WORLD, store, PartyCode.of("KOR"));
    Transfer fuel = new Transfer(AgreementId.of("ROK-USA-MLSA-1988"), PartyCode.of("KOR"), PartyCode.of("USA"), Category.parse("fuel"),
        BigDecimal.ONE, Money.of("100", "USD"), Instant.parse("2018-06-04T00:00:00Z"));

    ServiceException foreign = refusal(() -> logistics.provide(jpnLogistics, fuel));
    assertThat(foreign.code()).isEqualTo("NOT_A_PARTY_TO_ENTRY");
    assertThat(logistics.entries(korLogistics)).isEmpty();
    long sequence = logistics.provide(korLogistics, fuel).sequence();
    assertThat(logistics.balances(jpnLogistics, null)).isEmpty();
    assertThat(logistics.balances(korLogistics, null)).isNotEmpty();

    assertThat(refusal(() -> logistics.ownEntry(jpnLogistics, sequence)).code()).isEqualTo("NOT_A_PARTY_TO_ENTRY");
    assertThat(logistics.reverse(korLogistics, logistics.ownEntry(korLogistics, sequence), NOW).sequence()).isEqualTo(sequence + 1);
    assertThat(logistics.entries(korLogistics)).hasSize(2);
    assertThat(logistics.entries(jpnLogistics)).isEmpty();
    ServiceException statement = refusal(() -> logistics.statement(jpnLogistics, PartyCode.of("KOR"), PartyCode.of("USA"), YearMonth.of(2018, 6)));
    assertThat(statement.kind()).isEqualTo(ServiceException.Kind.FORBIDDEN);
    assertThat(statement.code()).isEqualTo("NOT_A_PARTY_TO_STATEMENT");
    assertThat(store.audit().entries(1, 10)).extracting(entry -> entry.event().actor())
        .containsExactly(AuditActors.of(korLogistics), AuditActors.of(korLogistics));
  }

  @Test
  void theOperatorImportsAWorldOnceAndRegistersAndListsItems() {
    store.close();
    AuditActor operator = AuditActor.localOperator("ops");
    try (OperatorServices operatorServices = OperatorServices.open(config, MigrationProgress.NONE)) {
      ServiceException none = refusal(operatorServices::requireStoredRegistry);
      assertThat(none.kind()).isEqualTo(ServiceException.Kind.BAD_INPUT);
      assertThat(operatorServices.storedRegistry()).isEmpty();

      OperatorServices.Imported first = operatorServices.importRegistry(WORLD, operator, NOW, (done, total) -> {});
      OperatorServices.Imported again = operatorServices.importRegistry(WORLD, operator, NOW, (done, total) -> {});

      assertThat(first.agreements()).isEqualTo(WORLD.agreements().size());
      assertThat(again.agreements()).isZero();
      assertThat(again.unchanged()).isPositive();
      Registry stored = operatorServices.requireStoredRegistry();
      assertThat(stored.agreements()).hasSameSizeAs(WORLD.agreements());

      Level level = stored.requireParty("KOR").findLevelInAnyVersion("II").orElseThrow();
      Item item = operatorServices.registerItem(List.of(PartyCode.of("KOR")), level, Releasability.relTo(List.of("USA")), false, Set.of(MISSILES),
          null, "//KOR II//REL TO USA", bytes("operator-report"), ItemTitle.of("operator report"), NOW, operator);
      assertThat(operatorServices.listItems(stored, 0, 10)).extracting(Item::id).containsExactly(item.id());
      assertThat(operatorServices.itemCount()).isEqualTo(1);
      assertThat(operatorServices.verifyAudit(List.of()).ok()).isTrue();
      assertThat(operatorServices.checkpoint()).isPresent();
    }
    store = Store.open(config);
  }

  @Test
  void aRefusalSaysWhatItIsWithoutTheContent() {
    assertThatThrownBy(() -> items.requireVisible(user("kor-analyst", "KOR", "I", Role.ANALYST), "no such id!"))
        .isInstanceOf(ServiceException.class).hasMessage("no item 'no such id!'");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
