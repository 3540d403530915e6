package org.pactbridge.core.audit;

import java.util.Objects;
import org.pactbridge.core.party.PartyCode;

/**
 * Who did what an audit entry records: a person, not a nation. {@code userId} is the acting user's
 * stable id, {@code userName} the name they signed in with, {@code nation} their nationality: a KOR
 * user who registers a JOINT item of US level is recorded as KOR.
 *
 * <p>Three kinds of actor exist besides users: the node itself ({@link #node}), acting on its own
 * account (the first-start admin it creates); a local operator ({@link #localOperator}), someone who
 * runs a command against the store on the node's host, whose nation the store cannot know
 * ({@code nation} is null); and the actor of a format-v1 entry ({@link #v1}), written before entries
 * named people, known only by one text (a party code or a name) with an empty id and no nation.
 *
 * <p>Validated on construction: no control characters; id and name 1 to 128 characters, except for a
 * v1 actor, whose id is empty and whose one text is as v1 allowed it. Immutable.
 */
public record AuditActor(String userId, String userName, PartyCode nation) {
  /** The longest id or name an entry holds; the store's columns are this wide. */
  public static final int MAX_LENGTH = 128;

  /** The id of {@link #node}. */
  public static final String NODE_ID = "node";

  /** What a local operator's id starts with, before their operating-system user name. */
  public static final String LOCAL_PREFIX = "local:";

  public AuditActor {
    Objects.requireNonNull(userId, "userId");
    AuditEvent.requireText("actor.id", userId);
    AuditEvent.requireText("actor.name", userName);
    if (userId.isEmpty()) {
      // a v1 actor, read back from an entry written before actors were people: any text, as v1 allowed
      if (nation != null) {
        throw AuditException.invalidField("actor.id", "missing: only a v1 actor has no id, and it has no nation");
      }
    } else {
      if (userId.length() > MAX_LENGTH) {
        throw AuditException.invalidField("actor.id", "at most " + MAX_LENGTH + " characters, got " + userId.length());
      }
      if (userName.isEmpty() || userName.length() > MAX_LENGTH) {
        throw AuditException.invalidField("actor.name", "1 to " + MAX_LENGTH + " characters, got " + userName.length());
      }
    }
  }

  /** A user known to the node. */
  public static AuditActor user(String id, String name, PartyCode nation) {
    if (id == null || id.isEmpty()) {
      throw AuditException.invalidField("actor.id", "missing");
    }
    return new AuditActor(id, name, Objects.requireNonNull(nation, "nation"));
  }

  /** The node acting on its own account, for its party. */
  public static AuditActor node(PartyCode party) {
    return new AuditActor(NODE_ID, NODE_ID, Objects.requireNonNull(party, "party"));
  }

  /**
   * Someone running a command against the store on the node's host (the command line), named by their
   * operating-system user: id {@code local:<name>}, no nation.
   */
  public static AuditActor localOperator(String osUser) {
    String name = osUser == null || osUser.isBlank() ? "unknown" : osUser.strip();
    return new AuditActor(LOCAL_PREFIX + name, name, null);
  }

  /** The actor of a format-v1 entry: one text, no id, no nation. */
  public static AuditActor v1(String text) {
    return new AuditActor("", text, null);
  }

  /** Whether this is the one-text actor of a v1 entry. */
  public boolean isV1() {
    return userId.isEmpty();
  }

  /** The nation's code, or the empty string when there is none (a local operator, a v1 actor). */
  public String nationCode() {
    return nation == null ? "" : nation.value();
  }
}
