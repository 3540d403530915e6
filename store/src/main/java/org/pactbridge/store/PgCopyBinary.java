package org.pactbridge.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import org.postgresql.PGConnection;

/**
 * Rows in PostgreSQL's binary {@code COPY} format, written by hand and sent with the driver's
 * {@code CopyManager}: {@code COPY table (columns) FROM STDIN (FORMAT binary)}.
 *
 * <p>The format (PostgreSQL documentation, "COPY", section "Binary Format"): the 11-byte signature
 * {@code PGCOPY\n\377\r\n\0}, a 32-bit flags field (0: no OIDs) and a 32-bit header extension length
 * (0); then each tuple as a 16-bit field count followed by each field as a 32-bit length (-1 for NULL)
 * and that many bytes in the type's binary (send) form; then the trailer, a 16-bit -1. Integers are
 * big-endian. The forms used here: {@code text}/{@code varchar} as UTF-8, {@code boolean} one byte,
 * {@code integer} 4 bytes, {@code bigint} 8 bytes, {@code bytea} the bytes, {@code timestamptz} a
 * 64-bit count of microseconds since 2000-01-01T00:00:00Z (integer date-times, the only kind since
 * PostgreSQL 10).
 *
 * <p>Not thread-safe; one per statement. Public for the bench module's floor, a bare {@code COPY} of
 * the same rows.
 */
public final class PgCopyBinary {
  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
  /** 2000-01-01T00:00:00Z in microseconds since the Unix epoch: PostgreSQL's timestamp epoch. */
  private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

  private byte[] buffer;
  private int size;
  private int rows;
  private int fieldsLeft;

  public PgCopyBinary() {
    this(1 << 16);
  }

  public PgCopyBinary(int initialCapacity) {
    buffer = new byte[Math.max(64, initialCapacity)];
    write(SIGNATURE, 0, SIGNATURE.length);
    int32(0);
    int32(0);
  }

  /** Starts a tuple of {@code fields} fields; exactly that many field calls must follow. */
  public PgCopyBinary row(int fields) {
    if (fieldsLeft != 0) {
      throw new IllegalStateException("the previous tuple lacks " + fieldsLeft + " fields");
    }
    int16(fields);
    fieldsLeft = fields;
    rows++;
    return this;
  }

  public PgCopyBinary text(String value) {
    return value == null ? nul() : bytes(value.getBytes(StandardCharsets.UTF_8));
  }

  public PgCopyBinary bytes(byte[] value) {
    if (value == null) {
      return nul();
    }
    field();
    int32(value.length);
    write(value, 0, value.length);
    return this;
  }

  public PgCopyBinary bool(boolean value) {
    field();
    int32(1);
    ensure(1);
    buffer[size++] = (byte) (value ? 1 : 0);
    return this;
  }

  public PgCopyBinary int4(int value) {
    field();
    int32(4);
    int32(value);
    return this;
  }

  public PgCopyBinary int8(long value) {
    field();
    int32(8);
    int64(value);
    return this;
  }

  /** A {@code timestamptz}: microseconds since 2000-01-01Z (sub-microsecond digits are dropped, as the database would). */
  public PgCopyBinary timestamptz(Instant value) {
    if (value == null) {
      return nul();
    }
    long micros = Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000L), value.getNano() / 1_000);
    return int8(micros - PG_EPOCH_MICROS);
  }

  public PgCopyBinary nul() {
    field();
    int32(-1);
    return this;
  }

  /** How many tuples were written. */
  public int rows() {
    return rows;
  }

  /** The whole stream: header, tuples and trailer. The writer can take no more rows after this. */
  public byte[] finish() {
    if (fieldsLeft != 0) {
      throw new IllegalStateException("the last tuple lacks " + fieldsLeft + " fields");
    }
    int16(-1);
    return Arrays.copyOf(buffer, size);
  }

  /**
   * Sends the stream to {@code COPY table (columns) FROM STDIN (FORMAT binary)} on {@code connection}, in
   * its current transaction; returns the number of rows the server reports.
   */
  public long copyInto(Connection connection, String table, String columns) throws SQLException {
    byte[] stream = finish();
    try {
      return connection.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT binary)", (InputStream) new java.io.ByteArrayInputStream(stream));
    } catch (IOException e) {
      throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
    }
  }

  private void field() {
    if (fieldsLeft == 0) {
      throw new IllegalStateException("more fields than the tuple announced");
    }
    fieldsLeft--;
  }

  private void int16(int value) {
    ensure(2);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
  }

  private void int32(int value) {
    ensure(4);
    buffer[size++] = (byte) (value >>> 24);
    buffer[size++] = (byte) (value >>> 16);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
  }

  private void int64(long value) {
    int32((int) (value >>> 32));
    int32((int) value);
  }

  private void write(byte[] bytes, int from, int length) {
    ensure(length);
    System.arraycopy(bytes, from, buffer, size, length);
    size += length;
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
