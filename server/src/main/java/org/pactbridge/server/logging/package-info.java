/**
 * The node's logging back end for SLF4J (Jetty, Javalin, Flyway and the node log through it): one line
 * an event on standard error, and no stack trace at INFO or above. See {@link
 * org.pactbridge.server.logging.PlainLogger}.
 */
package org.pactbridge.server.logging;
