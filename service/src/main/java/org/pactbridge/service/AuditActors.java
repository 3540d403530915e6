package org.pactbridge.service;

import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.user.User;

/** The audit log's view of a user: who acted, by id, name and nationality, as every entry records them. */
public final class AuditActors {
  private AuditActors() {}

  public static AuditActor of(User user) {
    return AuditActor.user(user.id(), user.name(), user.nationality());
  }
}
