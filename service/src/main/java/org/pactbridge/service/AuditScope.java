package org.pactbridge.service;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;

/**
 * Which audit entries one user may read. An entry carries ids, levels, markings and recipients, so it
 * is as sensitive as what it is about:
 * <ul>
 *   <li>an entry about an item (its subject is a stored item's id) is shown exactly when the user may see
 *       that item ({@link Items#visible});
 *   <li>a ledger entry is shown to the nations that are its supplier or receiver;
 *   <li>any other entry is shown to the acting nation's users;
 *   <li>a {@link Role#NODE_AUDITOR} is the one explicit exception and sees every entry of the node.
 * </ul>
 * One instance serves one request: it remembers each item's answer, so a page of entries about the same
 * items looks each up once. Not thread-safe.
 */
final class AuditScope {
  private final Items items;
  private final User reader;
  private final Map<String, Boolean> itemAnswers = new HashMap<>();

  AuditScope(Items items, User reader) {
    this.items = items;
    this.reader = reader;
  }

  boolean shows(AuditEvent event) {
    if (reader.has(Role.NODE_AUDITOR)) {
      return true;
    }
    Optional<Boolean> aboutItem = itemAnswer(event.subject());
    if (aboutItem.isPresent()) {
      return aboutItem.get();
    }
    PartyCode nation = reader.nationality();
    if (event.subject().startsWith("ledger:")) {
      return nation.value().equals(event.details().get("supplier")) || nation.value().equals(event.details().get("receiver"));
    }
    return nation.value().equals(actingNation(event));
  }

  /** Whether the reader may see the item the subject names; empty when the subject is not a stored item. */
  private Optional<Boolean> itemAnswer(String subject) {
    Boolean known = itemAnswers.get(subject);
    if (known != null) {
      return Optional.of(known);
    }
    if (subject.isEmpty() || subject.length() > 64 || !subject.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
      return Optional.empty();
    }
    Optional<Item> item = items.store().items().find(ItemId.of(subject));
    if (item.isEmpty()) {
      return Optional.empty();
    }
    boolean visible = items.visible(reader, item.get());
    itemAnswers.put(subject, visible);
    return Optional.of(visible);
  }

  /**
   * The nation on whose behalf the entry's actor acted: a v2 entry's actor nation; a v1 entry named a
   * party code (or a user name, which matches no nation, so such an entry is shown to no national
   * auditor); the command line's local operator has none.
   */
  static String actingNation(AuditEvent event) {
    AuditActor actor = event.actor();
    if (actor.isV1()) {
      return actor.userName();
    }
    return actor.nation() == null ? null : actor.nation().value();
  }
}
