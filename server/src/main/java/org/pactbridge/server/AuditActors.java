package org.pactbridge.server;

import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.user.User;

/** The audit log's view of a user: who acted, by id, name and nationality, as every entry records them. */
final class AuditActors {
  private AuditActors() {}

  static AuditActor of(User user) {
    return AuditActor.user(user.id(), user.name(), user.nationality());
  }
}
