package org.pactbridge.core.release;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;

/**
 * One question to the engine: may the item, held by {@code holder}, go to {@code recipient} at
 * {@code at}? {@code level} is in the scheme of one of the originators ({@code level.party()}); a JOINT
 * item lists several originators. {@code user} (rule 6) and {@code declassifyOn} may be null.
 * {@code consents} are the originators that have consented to this release.
 */
public record ReleaseRequest(
    Set<PartyCode> originators,
    Level level,
    Releasability releasability,
    boolean orcon,
    Set<Topic> topics,
    Instant declassifyOn,
    PartyCode holder,
    PartyCode recipient,
    UserContext user,
    Set<PartyCode> consents,
    Instant at) {

  public ReleaseRequest {
    originators = Set.copyOf(originators);
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(releasability, "releasability");
    topics = Set.copyOf(topics);
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(recipient, "recipient");
    consents = Set.copyOf(consents);
    Objects.requireNonNull(at, "at");
    if (!originators.contains(level.party())) {
      throw new IllegalArgumentException("the level " + level + " must be in an originator's scheme " + originators);
    }
  }

  /** A request from the originator itself, with no releasability control and no user. */
  public static ReleaseRequest simple(Level level, PartyCode recipient, Set<Topic> topics, Instant at) {
    return new ReleaseRequest(
        Set.of(level.party()), level, Releasability.open(), false, topics, null, level.party(), recipient, null, Set.of(), at);
  }

  public ReleaseRequest withHolder(PartyCode newHolder) {
    return new ReleaseRequest(originators, level, releasability, orcon, topics, declassifyOn, newHolder, recipient, user, consents, at);
  }

  public ReleaseRequest withRecipient(PartyCode newRecipient) {
    return new ReleaseRequest(originators, level, releasability, orcon, topics, declassifyOn, holder, newRecipient, user, consents, at);
  }

  public ReleaseRequest withLevel(Level newLevel) {
    return new ReleaseRequest(originators, newLevel, releasability, orcon, topics, declassifyOn, holder, recipient, user, consents, at);
  }

  public ReleaseRequest withReleasability(Releasability newReleasability) {
    return new ReleaseRequest(originators, level, newReleasability, orcon, topics, declassifyOn, holder, recipient, user, consents, at);
  }

  public ReleaseRequest withUser(UserContext newUser) {
    return new ReleaseRequest(originators, level, releasability, orcon, topics, declassifyOn, holder, recipient, newUser, consents, at);
  }

  public ReleaseRequest withConsents(Set<PartyCode> newConsents) {
    return new ReleaseRequest(originators, level, releasability, orcon, topics, declassifyOn, holder, recipient, user, newConsents, at);
  }

  public ReleaseRequest at(Instant instant) {
    return new ReleaseRequest(originators, level, releasability, orcon, topics, declassifyOn, holder, recipient, user, consents, instant);
  }
}
