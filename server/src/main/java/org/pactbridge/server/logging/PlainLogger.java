package org.pactbridge.server.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One line an event on standard error, as {@code [thread] LEVEL logger - message}, like slf4j-simple,
 * with two differences that are security decisions:
 *
 * <ul>
 *   <li>At INFO and above a throwable is written as the class names of its cause chain only: no stack
 *       trace and no exception message. Messages of library exceptions quote their input (Jackson quotes
 *       the token it choked on, H2 the SQL), and input may be item content; a stack trace tells an
 *       attacker who can read the log how the node is built. At DEBUG and TRACE, which an operator turns
 *       on deliberately ({@code -Dpactbridge.log.level=debug}), the full trace is written.
 *   <li>Control characters in the message are escaped, so a request cannot forge a log line.
 * </ul>
 *
 * <p>The level is {@code pactbridge.log.level} (trace, debug, info, warn, error, off; default info), or
 * for one logger and its children {@code pactbridge.log.level.<name prefix>}; read when the logger is
 * made. Thread-safe: each event is one {@code print} call.
 */
public final class PlainLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  /** Above every level: nothing is written. */
  static final int OFF = Integer.MAX_VALUE;

  private final int threshold;

  PlainLogger(String name, int threshold) {
    this.name = name;
    this.threshold = threshold;
  }

  private boolean enabled(Level level) {
    return level.toInt() >= threshold;
  }

  @Override
  public boolean isTraceEnabled() {
    return enabled(Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return enabled(Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return enabled(Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return enabled(Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return enabled(Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    System.err.print(format(Thread.currentThread().getName(), level, name, MessageFormatter.basicArrayFormat(pattern, arguments), throwable));
  }

  /** The line (or, below INFO with a throwable, the lines) written for one event, ending in a newline. */
  static String format(String thread, Level level, String logger, String message, Throwable throwable) {
    StringBuilder line = new StringBuilder(128);
    line.append('[').append(thread).append("] ").append(level.name()).append(' ').append(logger).append(" - ");
    escapeControls(String.valueOf(message), line);
    if (throwable != null) {
      if (level.toInt() >= Level.INFO.toInt()) {
        line.append(" [");
        int depth = 0;
        for (Throwable cause = throwable; cause != null && depth < 8; cause = cause.getCause() == cause ? null : cause.getCause(), depth++) {
          line.append(depth == 0 ? "" : ", caused by ").append(cause.getClass().getName());
        }
        line.append(']');
      } else {
        StringWriter trace = new StringWriter();
        throwable.printStackTrace(new PrintWriter(trace));
        line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
      }
    }
    return line.append(System.lineSeparator()).toString();
  }

  private static void escapeControls(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
  }
}
