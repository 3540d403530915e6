package org.pactbridge.server.logging;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/** Makes one {@link PlainLogger} per name, with the level its system properties give. Thread-safe. */
final class PlainLoggerFactory implements ILoggerFactory {
  static final String LEVEL_PROPERTY = "pactbridge.log.level";

  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

  @Override
  public Logger getLogger(String name) {
    return loggers.computeIfAbsent(name, key -> new PlainLogger(key, threshold(key)));
  }

  /** The most specific {@code pactbridge.log.level.<prefix>} for the name, else the global level, else INFO. */
  static int threshold(String name) {
    String prefix = name;
    while (!prefix.isEmpty()) {
      String value = System.getProperty(LEVEL_PROPERTY + "." + prefix);
      if (value != null) {
        return parse(value);
      }
      int dot = prefix.lastIndexOf('.');
      prefix = dot < 0 ? "" : prefix.substring(0, dot);
    }
    return parse(System.getProperty(LEVEL_PROPERTY, "info"));
  }

  static int parse(String value) {
    String level = value.strip().toUpperCase(Locale.ROOT);
    if (level.equals("OFF")) {
      return PlainLogger.OFF;
    }
    try {
      return Level.valueOf(level).toInt();
    } catch (IllegalArgumentException unknown) {
      return Level.INFO.toInt();
    }
  }
}
