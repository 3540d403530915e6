package org.pactbridge.web.e2e;

/**
 * A node the browser tests talk to: it serves the web assets at {@code /} and the API under
 * {@code /api/v1} on a loopback port, and has a first-start admin token with which the tests make the
 * accounts they sign in with.
 */
interface TestNode extends AutoCloseable {
  /** {@code http://127.0.0.1:PORT/}. */
  String baseUrl();

  String adminToken();

  @Override
  void close();
}
