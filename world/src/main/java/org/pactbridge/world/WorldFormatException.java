package org.pactbridge.world;

import org.pactbridge.core.PactbridgeException;

/**
 * A world file that cannot be read: names the file, the 1-based line and column, and the field.
 * The message is one line: {@code parties.yaml:12:7: field 'rank': expected a whole number, found 'two'}.
 */
public final class WorldFormatException extends PactbridgeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String field;

  WorldFormatException(String file, int line, int column, String field, String problem) {
    super(file + ":" + line + ":" + column + ": " + (field == null || field.isEmpty() ? "" : "field '" + field + "': ") + problem);
    this.file = file;
    this.line = line;
    this.column = column;
    this.field = field;
  }

  public String file() {
    return file;
  }

  /** 1-based line. */
  public int line() {
    return line;
  }

  /** 1-based column. */
  public int column() {
    return column;
  }

  public String field() {
    return field;
  }
}
