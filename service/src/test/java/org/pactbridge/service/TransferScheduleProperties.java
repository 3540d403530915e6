package org.pactbridge.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;
import org.pactbridge.service.FederationFixture.Fault;
import org.pactbridge.service.FederationFixture.Node;
import org.pactbridge.store.JdbcTransfers.InboxRecord;

/**
 * Any schedule of sends, delivery rounds, dropped links, lost answers, duplicate deliveries, waits and
 * worker deaths (the sender's store closed and opened again, a new worker on it) converges,
 * once the link heals, to each item stored once on the receiving node with one inbox row per transfer and
 * the same signed receipt on both sides; both audit chains verify. Korea's node sends to the United
 * States' (June 2024, reference world), on H2; the two nodes live across tries (each try checks its own
 * transfers), since opening stores is what costs.
 */
class TransferScheduleProperties {
  private static final PartyCode USA = PartyCode.of("USA");
  private static FederationFixture fed;

  /** One step of a schedule. */
  enum Step { SEND, DELIVER, DROP, LOSE_ANSWER, DUPLICATE, CRASH, WAIT }

  private static synchronized FederationFixture fed() {
    if (fed == null) {
      try {
        Path dir = Files.createTempDirectory("transfer-schedule");
        fed = new FederationFixture(Instant.parse("2024-06-01T00:00:00Z"), FederationFixture.h2(dir), "KOR", "USA");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return fed;
  }

  @AfterContainer
  static void closeNodes() {
    if (fed != null) {
      fed.close();
      fed = null;
    }
  }

  /**
   * One delivery round; when a queued death strikes (the worker dies after the peer answered, before it
   * recorded the answer), the node's store is closed and opened again and a new worker takes over.
   */
  private static void deliverOrDie(Node kor) {
    try {
      kor.delivery.runOnce(5);
    } catch (FederationFixture.Crash died) {
      kor.restart();
    }
  }

  @Provide
  Arbitrary<List<Step>> schedules() {
    return Arbitraries.of(Step.class).list().ofMinSize(1).ofMaxSize(14);
  }

  @Property(tries = 40)
  void everyScheduleConvergesToEachItemStoredOnceWithMatchingReceipts(@ForAll("schedules") List<Step> schedule) {
    FederationFixture fed = fed();
    Node kor = fed.node("KOR");
    Node usa = fed.node("USA");
    fed.faults.clear();
    User sender = kor.user("kor-fdo", "I", Role.DISCLOSURE_OFFICER);
    List<String> transfers = new ArrayList<>();
    List<Item> sent = new ArrayList<>();
    for (Step step : schedule) {
      switch (step) {
        case SEND -> {
          Item item = fed.korReport("item " + sent.size() + " " + System.nanoTime());
          sent.add(item);
          transfers.add(kor.transfers.send(sender, item.id().value(), USA).id());
        }
        case DELIVER -> deliverOrDie(kor);
        case DROP -> fed.faults.add(Fault.DROP);
        case LOSE_ANSWER -> fed.faults.add(Fault.LOSE_ANSWER);
        case DUPLICATE -> fed.faults.add(Fault.DUPLICATE);
        case CRASH -> {
          fed.faults.add(Fault.CRASH_AFTER_SEND);
          deliverOrDie(kor);
        }
        case WAIT -> fed.real.advance(Duration.ofSeconds(45));
      }
    }
    // the link heals: leases and backoffs run out, the workers run until nothing is pending
    fed.faults.clear();
    for (int round = 0; round < 30 && kor.store.transfers().count(org.pactbridge.store.JdbcTransfers.OutboxState.PENDING) > 0; round++) {
      fed.real.advance(Duration.ofMinutes(2));
      kor.deliverAll();
    }

    for (int i = 0; i < transfers.size(); i++) {
      Transfers.TransferView view = kor.transfers.find(transfers.get(i)).orElseThrow();
      assertThat(view.state()).isEqualTo("DELIVERED");
      InboxRecord row = usa.store.transfers().inbox(transfers.get(i)).orElseThrow();
      assertThat(row.receiptJws()).isEqualTo(view.receipt().orElseThrow().jws());
      assertThat(row.item()).contains(sent.get(i).id());
      assertThat(usa.store.items().find(sent.get(i).id())).isPresent();
    }
    long received = usa.store.audit().entries(1, 100_000).stream()
        .filter(entry -> entry.event().kind().equals("TRANSFER_RECEIVED") && sent.stream().anyMatch(item -> item.id().value().equals(entry.event().subject())))
        .count();
    assertThat(received).as("one TRANSFER_RECEIVED per item, never a second").isEqualTo(sent.size());
    assertThat(kor.store.audit().verify().ok()).isTrue();
    assertThat(usa.store.audit().verify().ok()).isTrue();
  }
}
