package org.pactbridge.server;

import org.pactbridge.core.PactbridgeException;

/** Broken machinery in the server: the database, the listener, the configuration. Never carries item content. */
public final class ServerException extends PactbridgeException {
  private static final long serialVersionUID = 1L;

  public ServerException(String message) {
    super(message);
  }

  public ServerException(String message, Throwable cause) {
    super(message, cause);
  }
}
