package org.pactbridge.core.audit;

import java.time.Instant;

/**
 * Which audit entries a reader asks for: of one {@code kind}, about one {@code subject} (an item or
 * agreement id, matched exactly), by one {@code actor} (a user's id or name, or a nation's code, matched
 * exactly), and made from {@code since} (inclusive) until before {@code before} (exclusive). A null field
 * does not filter. The store narrows by the fields it keeps in columns ({@link IndexedFields}); the
 * instant lives in the body only, so {@link #matches} is the whole test and is applied to what the store
 * returns.
 */
public record AuditFilter(String kind, String subject, String actor, Instant since, Instant before) {
  /** No filter: every entry. */
  public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);

  public AuditFilter {
    if (since != null && before != null && !since.isBefore(before)) {
      throw new IllegalArgumentException("an audit filter's range must end after it starts");
    }
  }

  /** Whether the event passes every filter given. */
  public boolean matches(AuditEvent event) {
    if (kind != null && !kind.equals(event.kind())) {
      return false;
    }
    if (subject != null && !subject.equals(event.subject())) {
      return false;
    }
    if (actor != null && !actedBy(event.actor())) {
      return false;
    }
    if (since != null && event.at().isBefore(since)) {
      return false;
    }
    return before == null || event.at().isBefore(before);
  }

  /** A v2 actor matches by id, name or nation; a v1 actor is one text (a party code or a name). */
  private boolean actedBy(AuditActor who) {
    if (actor.equals(who.userName())) {
      return true;
    }
    if (who.isV1()) {
      return false;
    }
    return actor.equals(who.userId()) || (who.nation() != null && actor.equals(who.nation().value()));
  }

  /** Whether any field filters. */
  public boolean isEmpty() {
    return kind == null && subject == null && actor == null && since == null && before == null;
  }
}
