package org.pactbridge.core.audit;

import org.pactbridge.core.PactbridgeException;

/** An audit event or entry that does not follow the canonical format. */
public final class AuditException extends PactbridgeException {
  private static final long serialVersionUID = 1L;

  private AuditException(String message) {
    super(message);
  }

  static AuditException invalidField(String field, String why) {
    return new AuditException("invalid audit field '" + field + "': " + why);
  }

  static AuditException malformedEntry(int index, String why) {
    return new AuditException("malformed audit entry at byte " + index + ": " + why);
  }
}
