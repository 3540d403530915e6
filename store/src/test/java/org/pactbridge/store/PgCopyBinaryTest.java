package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The binary COPY stream byte by byte, against the layout in PostgreSQL's documentation of COPY's
 * binary format; {@code PostgresItemImportTest} sends such streams to a real server.
 */
class PgCopyBinaryTest {
  @Test
  void headerTupleAndTrailerAreAsDocumented() {
    PgCopyBinary copy = new PgCopyBinary();
    copy.row(6).text("é").bool(true).int4(7).nul().bytes(new byte[] {1, 2}).timestamptz(Instant.parse("2000-01-01T00:00:01.000002Z"));
    String hex = HexFormat.of().formatHex(copy.finish());
    assertThat(hex).isEqualTo(
        "5047434f50590aff0d0a00" // PGCOPY\n\377\r\n\0
            + "00000000" + "00000000" // flags, header extension length
            + "0006" // six fields
            + "00000002" + "c3a9" // text: UTF-8
            + "00000001" + "01" // boolean
            + "00000004" + "00000007" // integer
            + "ffffffff" // NULL
            + "00000002" + "0102" // bytea
            + "00000008" + "00000000000f4242" // 1,000,002 microseconds after 2000-01-01Z
            + "ffff"); // trailer
    assertThat(copy.rows()).isEqualTo(1);
  }

  @Test
  void aTupleWithTheWrongNumberOfFieldsIsRefused() {
    PgCopyBinary copy = new PgCopyBinary();
    copy.row(1).text("a");
    assertThatThrownBy(() -> copy.text("b")).isInstanceOf(IllegalStateException.class);
    PgCopyBinary short1 = new PgCopyBinary();
    short1.row(2).text("a");
    assertThatThrownBy(short1::finish).isInstanceOf(IllegalStateException.class);
  }
}
