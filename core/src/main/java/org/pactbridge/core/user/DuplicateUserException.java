package org.pactbridge.core.user;

import org.pactbridge.core.PactbridgeException;

/** A user with this name already exists. */
public final class DuplicateUserException extends PactbridgeException {
  private static final long serialVersionUID = 1L;

  private final String name;

  public DuplicateUserException(String name) {
    super("a user named '" + name + "' already exists");
    this.name = name;
  }

  public String name() {
    return name;
  }
}
