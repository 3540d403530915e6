package org.pactbridge.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.consent.ConsentAnswer;
import org.pactbridge.core.consent.ConsentRequest;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;
import org.pactbridge.service.FederationFixture.Fault;
import org.pactbridge.service.FederationFixture.Node;
import org.pactbridge.store.JdbcTransfers;
import org.pactbridge.store.JdbcTransfers.OutboxState;
import org.pactbridge.store.StoreConfig;
import org.pactbridge.tdf.KeyAccess;
import org.pactbridge.tdf.TdfArchive;

/**
 * Transfers between three nodes (KOR, USA, JPN), each on its own real store, with the reference world:
 * exactly once under duplicate deliveries, lost answers and a worker's death; the sending node's refusal;
 * the receiving node's refusals (altered archive, wrong sender, consent signed by the wrong node); and the
 * relay KOR → USA → JPN under TISA with KOR's node consenting. Run on H2 and PostgreSQL by the subclasses.
 */
abstract class TransfersContract {
  private static final Instant TISA = Instant.parse("2015-06-01T00:00:00Z");
  private static final PartyCode KOR = PartyCode.of("KOR");
  private static final PartyCode USA = PartyCode.of("USA");
  private static final PartyCode JPN = PartyCode.of("JPN");

  @TempDir Path dir;
  private FederationFixture fed;

  abstract Function<String, StoreConfig> stores(Path dir);

  private FederationFixture nodes(Instant at) {
    fed = new FederationFixture(at, stores(dir), "KOR", "USA", "JPN");
    return fed;
  }

  @AfterEach
  void close() {
    if (fed != null) {
      fed.close();
    }
  }

  private static User sender(Node node) {
    return node.user(node.party.value().toLowerCase() + "-fdo", node.party.equals(KOR) ? "I" : node.party.equals(USA) ? "TOP_SECRET" : "KIMITSU",
        Role.DISCLOSURE_OFFICER);
  }

  @Test
  void aPermittedTransferArrivesOnceWithOneReceiptOnBothSidesThroughDuplicatesLostAnswersAndAWorkerDeath() {
    nodes(Instant.parse("2024-06-01T00:00:00Z"));
    Node kor = fed.node("KOR");
    Node usa = fed.node("USA");
    Item item = fed.korReport("harbour sensors");

    Transfers.TransferView queued = kor.transfers.send(sender(kor), item.id().value(), USA);
    assertThat(queued.state()).isEqualTo("QUEUED");
    assertThat(kor.store.audit().entries(1, 100)).extracting(entry -> entry.event().kind()).contains("RELEASED", JdbcTransfers.QUEUED);

    // the link drops, then the answer is lost after the receiver stored it, then the worker dies after the send
    fed.faults.add(Fault.DROP);
    assertThat(kor.delivery.runOnce(10)).isEqualTo(1);
    fed.real.advance(Duration.ofMinutes(2));
    fed.faults.add(Fault.LOSE_ANSWER);
    kor.delivery.runOnce(10);
    assertThat(usa.store.transfers().inbox(0, 10)).hasSize(1);
    fed.real.advance(Duration.ofMinutes(2));
    fed.faults.add(Fault.CRASH_AFTER_SEND);
    assertThatThrownBy(() -> kor.delivery.runOnce(10)).isInstanceOf(FederationFixture.Crash.class);
    kor.restart();
    assertThat(kor.transfers.find(queued.id()).orElseThrow().state()).as("nothing recorded before the death")
        .isEqualTo("QUEUED");
    fed.real.advance(Duration.ofMinutes(2));
    fed.faults.add(Fault.DUPLICATE);
    kor.deliverAll();

    Transfers.TransferView delivered = kor.transfers.get(sender(kor), queued.id());
    assertThat(delivered.state()).isEqualTo("DELIVERED");
    assertThat(delivered.attempts()).as("dropped, answer lost, (the death records nothing), delivered").isEqualTo(3);
    var inbox = usa.transfers.inbox(sender(usa), 0, 10);
    assertThat(inbox).hasSize(1);
    assertThat(inbox.get(0).receipt().jws()).as("the same signed receipt on both sides").isEqualTo(delivered.receipt().orElseThrow().jws());
    assertThat(delivered.receipt().orElseThrow().outcome()).isEqualTo("DELIVERED");
    assertThat(usa.store.items().list(0, 10)).extracting(Item::id).containsExactly(item.id());
    assertThat(usa.items.content(usa.store.items().require(item.id()))).isEqualTo("harbour sensors");
    assertThat(usa.store.holdings().holdingsOf(item.id())).singleElement().satisfies(holding -> {
      assertThat(holding.holder()).isEqualTo(USA);
      assertThat(holding.route()).containsExactly(KOR, USA);
    });
    assertThat(kor.store.transfers().count(OutboxState.PENDING)).isZero();
    // a late duplicate of the same envelope gets the same receipt bytes and stores nothing
    byte[] body = kor.store.transfers().outbox(queued.id()).orElseThrow().body();
    byte[] again = usa.transfers.receive(KOR, queued.id(), body);
    assertThat(FederationMessages.readReceiptBody(again)).isEqualTo(delivered.receipt().orElseThrow().jws());
    assertThat(usa.store.items().list(0, 10)).hasSize(1);
    assertThat(audits(usa, "TRANSFER_RECEIVED")).hasSize(1);
    assertThat(audits(kor, "TRANSFER_DELIVERED")).hasSize(1);
    for (Node node : fed.all()) {
      assertThat(node.store.audit().verify().ok()).as(node.party + "'s audit chain").isTrue();
    }
    // the receiving node's users open the archive through their own node's KAS (the extra key access object)
    byte[] archive = FederationMessages.readTransferBody(body).archive();
    KeyAccessService kas = new KeyAccessService(usa.items, usa.keyring, USA, 100);
    try (TdfArchive opened = TdfArchive.open(write(archive))) {
      KeyAccess forUsa = opened.keyAccess().stream().filter(access -> access.url().equals(usa.store.kasUrl().orElseThrow())).findFirst().orElseThrow();
      KeyAccessService.Opened share = kas.open(KeyAccessService.Requester.of(usa.user("usa-analyst", "SECRET", Role.ANALYST)), forUsa,
          opened.policyBase64(), fed.exercise.instant());
      assertThat(share.verdict().outcome().name()).isEqualTo("PERMIT");
    }
  }

  private Path write(byte[] archive) {
    try {
      Path file = dir.resolve("archive-" + System.nanoTime() + ".tdf");
      java.nio.file.Files.write(file, archive);
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theSendingNodeRefusesKoreaToJapanIn2011WithNoAgreementInForceAndSendsNothing() {
    nodes(Instant.parse("2011-01-05T00:00:00Z"));
    Node kor = fed.node("KOR");
    Item item = fed.korReport("missile test");

    Transfers.TransferView refused = kor.transfers.send(sender(kor), item.id().value(), JPN);

    assertThat(refused.state()).isEqualTo("REFUSED");
    assertThat(refused.refusedBy()).contains(KOR);
    assertThat(refused.reasons()).extracting(Transfers.TransferReason::code).contains("NO_AGREEMENT_IN_FORCE");
    assertThat(kor.store.transfers().count(OutboxState.PENDING)).isZero();
    assertThat(kor.deliverAll()).isZero();
    assertThat(fed.node("JPN").store.items().list(0, 10)).isEmpty();
    assertThat(audits(kor, "TRANSFER_REFUSED")).singleElement().satisfies(entry ->
        assertThat(entry.event().toString()).doesNotContain("missile test"));
  }

  @Test
  void anArchiveAlteredInTransitIsRefusedByTheReceiverWithASignedReceiptAndNothingStored() {
    nodes(Instant.parse("2024-06-01T00:00:00Z"));
    Node kor = fed.node("KOR");
    Node usa = fed.node("USA");
    Item item = fed.korReport("altered");
    Transfers.TransferView queued = kor.transfers.send(sender(kor), item.id().value(), USA);

    fed.faults.add(Fault.ALTER_ARCHIVE);
    kor.deliverAll();

    Transfers.TransferView refused = kor.transfers.get(sender(kor), queued.id());
    assertThat(refused.state()).isEqualTo("REFUSED");
    assertThat(refused.refusedBy()).contains(USA);
    assertThat(refused.receipt().orElseThrow().outcome()).isEqualTo("REFUSED");
    assertThat(refused.reasons()).extracting(Transfers.TransferReason::code).containsExactly("ARCHIVE_ALTERED");
    assertThat(usa.store.items().list(0, 10)).isEmpty();
    assertThat(usa.store.transfers().inbox(0, 10)).singleElement().satisfies(row -> assertThat(row.outcome()).isEqualTo("REFUSED"));
  }

  @Test
  void anEnvelopeFromAnotherSenderThanTheAuthenticatedPeerIsRefusedAndNothingIsStored() {
    nodes(Instant.parse("2024-06-01T00:00:00Z"));
    Node kor = fed.node("KOR");
    Node usa = fed.node("USA");
    Item item = fed.korReport("spoofed");
    Transfers.TransferView queued = kor.transfers.send(sender(kor), item.id().value(), USA);
    byte[] body = kor.store.transfers().outbox(queued.id()).orElseThrow().body();

    assertThatThrownBy(() -> usa.transfers.receive(JPN, queued.id(), body)).isInstanceOfSatisfying(ServiceException.class,
        e -> assertThat(e.code()).isEqualTo("SENDER_MISMATCH"));
    assertThatThrownBy(() -> usa.transfers.receive(KOR, "another-key", body)).isInstanceOfSatisfying(ServiceException.class,
        e -> assertThat(e.code()).isEqualTo("KEY_MISMATCH"));
    assertThat(usa.store.transfers().inbox(0, 10)).isEmpty();
    assertThat(usa.store.items().list(0, 10)).isEmpty();
  }

  @Test
  void theRelayKoreaUsaJapanUnderTisaIsTwoTransfersWithKoreasSignedConsentAttachedToTheSecond() {
    nodes(TISA);
    Node kor = fed.node("KOR");
    Node usa = fed.node("USA");
    Node jpn = fed.node("JPN");
    Item item = fed.korReport("relay");

    assertThat(kor.transfers.send(sender(kor), item.id().value(), JPN).state()).as("no KOR-JPN pact yet").isEqualTo("REFUSED");
    Transfers.TransferView first = kor.transfers.send(sender(kor), item.id().value(), USA);
    kor.deliverAll();
    assertThat(kor.transfers.get(sender(kor), first.id()).state()).isEqualTo("DELIVERED");

    Transfers.TransferView second = usa.transfers.send(sender(usa), item.id().value(), JPN);
    assertThat(second.state()).isEqualTo("AWAITING_CONSENT");
    assertThat(second.reasons()).extracting(Transfers.TransferReason::code).contains("THIRD_PARTY_CONSENT_REQUIRED");
    usa.deliverAll();
    // the request is in Korea's disclosure officer's queue, marked with the asking node
    User korOfficer = sender(kor);
    List<ConsentRequest> queue = kor.consents.visibleTo(korOfficer, true);
    assertThat(queue).singleElement().satisfies(request -> {
      assertThat(request.requester()).isEqualTo(USA);
      assertThat(request.recipient()).isEqualTo(JPN);
      assertThat(kor.store.transfers().federated(request.id()).orElseThrow().peer()).isEqualTo(USA);
    });
    kor.consents.answer(korOfficer, queue.get(0), ConsentAnswer.Verdict.GRANTED, List.of());
    kor.deliverAll();
    usa.deliverAll();

    Transfers.TransferView relayed = usa.transfers.get(sender(usa), second.id());
    assertThat(relayed.state()).isEqualTo("DELIVERED");
    assertThat(relayed.consents()).containsExactly(KOR);
    assertThat(relayed.receipt().orElseThrow().reasons()).extracting(Transfers.TransferReason::code).contains("CONSENTS_VERIFIED");
    assertThat(jpn.store.holdings().holdingsOf(item.id())).singleElement().satisfies(holding ->
        assertThat(holding.route()).containsExactly(KOR, USA, JPN));
    assertThat(jpn.items.content(jpn.store.items().require(item.id()))).isEqualTo("relay");
    for (Node node : fed.all()) {
      assertThat(node.store.audit().verify().ok()).as(node.party + "'s audit chain").isTrue();
      assertThat(node.store.transfers().count(OutboxState.PENDING)).isZero();
    }
  }

  @Test
  void aConsentSignedByTheWrongNodeIsRefusedByTheFinalRecipient() {
    nodes(TISA);
    Node kor = fed.node("KOR");
    Node usa = fed.node("USA");
    Node jpn = fed.node("JPN");
    Item item = fed.korReport("forged");
    kor.transfers.send(sender(kor), item.id().value(), USA);
    kor.deliverAll();
    Transfers.TransferView second = usa.transfers.send(sender(usa), item.id().value(), JPN);
    // USA's node answers its own request in Korea's name, signing it with its own key
    String requestId = usa.store.transfers().askedFor(second.id()).get(0).requestId();
    ConsentRequest request = usa.store.consents().findRequest(requestId).orElseThrow();
    ConsentAnswer forged = new ConsentAnswer(requestId, KOR, ConsentAnswer.Verdict.GRANTED, TISA, List.of());
    String jws = fed.signAs(USA, FederationMessages.consent(new FederationMessages.ConsentPayload(requestId, item.id().value(), KOR, USA, JPN, forged)));
    assertThatThrownBy(() -> usa.transfers.receiveConsentAnswer(KOR, FederationMessages.consentAnswerBody(jws)))
        .as("USA's own check of the answer refuses it too").isInstanceOfSatisfying(ServiceException.class,
            e -> assertThat(e.code()).isEqualTo("SIGNATURE_INVALID"));
    assertThat(request.originator()).isEqualTo(KOR);
    usa.store.transfers().answer(forged, jws, null, org.pactbridge.core.audit.AuditActor.node(USA));
    usa.deliverAll();

    Transfers.TransferView refused = usa.transfers.get(sender(usa), second.id());
    assertThat(refused.state()).isEqualTo("REFUSED");
    assertThat(refused.refusedBy()).contains(JPN);
    assertThat(refused.reasons()).extracting(Transfers.TransferReason::code).containsExactly("CONSENT_SIGNATURE_INVALID");
    assertThat(jpn.store.items().list(0, 10)).isEmpty();
  }

  @Test
  void aRefusedConsentRefusesTheTransferOnTheHoldersNode() {
    nodes(TISA);
    Node kor = fed.node("KOR");
    Node usa = fed.node("USA");
    Item item = fed.korReport("no");
    kor.transfers.send(sender(kor), item.id().value(), USA);
    kor.deliverAll();
    Transfers.TransferView second = usa.transfers.send(sender(usa), item.id().value(), JPN);
    usa.deliverAll();
    ConsentRequest asked = kor.consents.visibleTo(sender(kor), true).get(0);
    kor.consents.answer(sender(kor), asked, ConsentAnswer.Verdict.REFUSED, List.of());
    kor.deliverAll();
    usa.deliverAll();

    Transfers.TransferView refused = usa.transfers.get(sender(usa), second.id());
    assertThat(refused.state()).isEqualTo("REFUSED");
    assertThat(refused.refusedBy()).contains(USA);
    assertThat(refused.reasons()).extracting(Transfers.TransferReason::code).contains("CONSENT_REFUSED");
    assertThat(fed.node("JPN").store.items().list(0, 10)).isEmpty();
  }

  private static List<AuditEntry> audits(Node node, String kind) {
    return node.store.audit().entries(1, 1000).stream().filter(entry -> entry.event().kind().equals(kind)).toList();
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
