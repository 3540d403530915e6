package org.pactbridge.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.party.PartyCode;

/**
 * A fresh store on one database for each test of the audit's security, H2 or PostgreSQL by subclass,
 * with the helpers the tamper tests share. Real databases, real keys, no mocks.
 */
abstract class AuditStoreFixture {
  static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  static final AuditActor KIM = AuditActor.user("6f1c2d4e-kim", "kim", PartyCode.of("KOR"));

  @TempDir Path dir;
  StoreConfig config;
  Store store;

  /** The database of the subclass: H2 in {@code dir}, or a schema of its own on PostgreSQL. */
  abstract StoreConfig newConfig(Path dir);

  @BeforeEach
  void open() {
    config = newConfig(dir);
    store = Store.open(config);
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
    if (config.isPostgres()) {
      TestDatabases.dropSchema(config.schema());
    }
  }

  void reopen() {
    store.close();
    store = Store.open(config);
  }

  /** Appends {@code count} entries, each a commit of its own (so each has its own signed head). */
  List<AuditEntry> appendEntries(int count) {
    List<AuditEntry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      entries.add(store.audit().append(AuditEvent.of(T0.plusSeconds(i), "TEST_EVENT", KIM, "subject-" + i, "n", String.valueOf(i))));
    }
    return entries;
  }

  /** A value read straight from the database, as a tamperer would. */
  String query(String sql) {
    try (Connection connection = TestDatabases.connect(config); PreparedStatement select = connection.prepareStatement(sql);
        ResultSet row = select.executeQuery()) {
      return row.next() ? row.getString(1) : null;
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
