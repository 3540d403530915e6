package org.pactbridge.core.user;

import java.util.Locale;
import org.pactbridge.core.InvalidInputException;

/** What a user may do on a node. A user holds one or more roles; every endpoint names the roles it admits. */
public enum Role {
  /** National security authority: keeps the registry, the users and the node. */
  ADMIN,
  /** Registers classified items and asks what may go where. */
  ORIGINATOR,
  /** Foreign disclosure officer: answers releases and third-party consent requests. */
  DISCLOSURE_OFFICER,
  /** Reads what was lawfully released to their nation and clearance; asks decisions. */
  ANALYST,
  /** Verifies the audit record and reads the entries of their own nation's actions and of the items they may see. */
  AUDITOR,
  /** Requests and provides supplies and services under an ACSA. */
  LOGISTICS_OFFICER,
  /**
   * Verifies and reads the whole node's audit record and ledger, whatever nation and item an entry is
   * about: the one explicit exception to an auditor's national scope, given deliberately.
   */
  NODE_AUDITOR;

  /** Reads {@code disclosure-officer}, {@code DISCLOSURE_OFFICER} or {@code disclosure_officer}. */
  public static Role parse(String token) {
    if (token != null) {
      String normal = token.strip().toUpperCase(Locale.ROOT).replace('-', '_');
      for (Role role : values()) {
        if (role.name().equals(normal)) {
          return role;
        }
      }
    }
    throw InvalidInputException.invalid("UNKNOWN_ROLE", String.valueOf(token),
        "unknown role '" + token + "' (expected admin, originator, disclosure-officer, analyst, auditor, logistics-officer or node-auditor)");
  }

  /** The lower-case, hyphenated form used in JSON. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
