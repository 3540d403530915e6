package org.pactbridge.core.user;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.release.UserContext;

/**
 * A person (or script) known to a node. The clearance is a level of the user's own nation's scheme;
 * {@link #context()} is what rule 6 of the release decision checks. Immutable.
 */
public record User(
    String id,
    String name,
    PartyCode nationality,
    Level clearance,
    Set<Topic> needToKnow,
    Set<String> compartments,
    Set<Role> roles,
    Instant createdAt) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern COMPARTMENT = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");

  public User {
    Objects.requireNonNull(id, "id");
    requireName(name);
    Objects.requireNonNull(nationality, "nationality");
    Objects.requireNonNull(clearance, "clearance");
    if (!clearance.party().equals(nationality)) {
      throw InvalidInputException.invalid("CLEARANCE_NOT_NATIONAL", clearance.qualified(),
          "clearance " + clearance.qualified() + " is not in the scheme of the user's nation " + nationality);
    }
    needToKnow = Set.copyOf(needToKnow);
    for (String compartment : compartments) {
      if (compartment == null || !COMPARTMENT.matcher(compartment).matches()) {
        throw InvalidInputException.invalid("MALFORMED_COMPARTMENT", String.valueOf(compartment),
            "malformed compartment '" + compartment + "' (upper-case letters, digits, '_' and '-')");
      }
    }
    compartments = Set.copyOf(compartments);
    if (roles.isEmpty()) {
      throw InvalidInputException.invalid("NO_ROLE", name, "user '" + name + "' needs at least one role");
    }
    roles = Set.copyOf(EnumSet.copyOf(roles));
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Checks a user name: lower-case letters, digits, '.', '_' and '-', at most 64 characters. */
  public static String requireName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw InvalidInputException.invalid("MALFORMED_USER_NAME", String.valueOf(name),
          "malformed user name '" + name + "' (lower-case letters, digits, '.', '_' and '-', at most 64)");
    }
    return name;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** True when the user holds any of the roles. */
  public boolean hasAny(Set<Role> wanted) {
    for (Role role : wanted) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  /** The recipient user of rule 6. */
  public UserContext context() {
    return new UserContext(id, nationality, clearance, needToKnow);
  }
}
