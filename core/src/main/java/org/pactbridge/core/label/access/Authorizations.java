package org.pactbridge.core.label.access;

import java.util.Collection;
import java.util.Set;

/** A user's set of access tokens (authorizations), unquoted. Immutable. */
public record Authorizations(Set<String> values) {
  public Authorizations {
    values = Set.copyOf(values);
  }

  public static Authorizations of(String... values) {
    return new Authorizations(Set.of(values));
  }

  public static Authorizations of(Collection<String> values) {
    return new Authorizations(Set.copyOf(values));
  }

  public boolean contains(String token) {
    return values.contains(token);
  }
}
