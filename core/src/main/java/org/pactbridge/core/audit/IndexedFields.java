package org.pactbridge.core.audit;

import java.util.Objects;

/**
 * The copies of body fields the store keeps in columns of their own, to filter and display entries
 * without decoding bodies: {@code kind}, {@code subject} (its first {@value #SUBJECT_LENGTH}
 * characters, a surrogate pair never split), and, for format v2, the actor's id, name and nation
 * (null for v1, and the nation null for a local operator). Verification checks each stored copy against
 * the body it copies, so changing a column alone is caught at that entry.
 */
public record IndexedFields(String kind, String subject, String actorId, String actorName, String actorNation) {
  /** The width of the subject column. */
  public static final int SUBJECT_LENGTH = 400;

  /** What a decoded body says its columns hold. */
  public static IndexedFields of(AuditCodec.Decoded decoded) {
    AuditEvent event = decoded.event();
    AuditActor actor = event.actor();
    if (decoded.format() == 1) {
      return new IndexedFields(event.kind(), subjectColumn(event.subject()), null, null, null);
    }
    return new IndexedFields(event.kind(), subjectColumn(event.subject()), actor.userId(), actor.userName(),
        actor.nation() == null ? null : actor.nation().value());
  }

  /** The subject as its column holds it. */
  public static String subjectColumn(String subject) {
    if (subject.length() <= SUBJECT_LENGTH) {
      return subject;
    }
    int end = Character.isHighSurrogate(subject.charAt(SUBJECT_LENGTH - 1)) ? SUBJECT_LENGTH - 1 : SUBJECT_LENGTH;
    return subject.substring(0, end);
  }

  /** The name of the first field whose stored copy differs from {@code expected}, or null when none does. */
  public String firstDifference(IndexedFields expected) {
    if (!Objects.equals(kind, expected.kind)) {
      return "kind";
    }
    if (!Objects.equals(subject, expected.subject)) {
      return "subject";
    }
    if (!Objects.equals(actorId, expected.actorId)) {
      return "actor.id";
    }
    if (!Objects.equals(actorName, expected.actorName)) {
      return "actor.name";
    }
    if (!Objects.equals(actorNation, expected.actorNation)) {
      return "actor.nation";
    }
    return null;
  }

  /** The value of a field by the name {@link #firstDifference} gives. */
  public String field(String name) {
    return switch (name) {
      case "kind" -> kind;
      case "subject" -> subject;
      case "actor.id" -> actorId;
      case "actor.name" -> actorName;
      case "actor.nation" -> actorNation;
      default -> throw new IllegalArgumentException("no indexed field '" + name + "'");
    };
  }
}
