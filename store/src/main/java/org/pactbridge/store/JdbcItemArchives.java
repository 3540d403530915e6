package org.pactbridge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.item.Holding;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.item.ItemTitle;

/**
 * Items imported from ZTDF archives, in table {@code item_archive} beside the item's own rows: the
 * archive's policy uuid (one export; an archive is imported once), its form, the originator's STANAG 4774
 * label and the alternative label as the assertions carried them, and each assertion's status at import.
 * {@link #importItem} writes the item, its content and title, this node's holding, the archive row and
 * the audit entries ({@code ITEM_ADDED}, {@code HOLDING_ADDED}, {@code ITEM_IMPORTED}) in one transaction:
 * all of it, or nothing. Thread-safe.
 */
public final class JdbcItemArchives {
  private final Db db;
  private final JdbcAuditLog audit;
  private final JdbcItemRepository items;
  private final JdbcHoldingRepository holdings;

  JdbcItemArchives(Db db, JdbcAuditLog audit, JdbcItemRepository items, JdbcHoldingRepository holdings) {
    this.db = db;
    this.audit = audit;
    this.items = items;
    this.holdings = holdings;
  }

  /** One assertion's status as checked at import: {@code VERIFIED}, or the reason code of its failure. */
  public record AssertionCheck(String id, String status) {
    public AssertionCheck {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(status, "status");
      if (id.contains("=") || id.contains("\n") || status.contains("\n")) {
        throw new IllegalArgumentException("an assertion id holds no '=' and no line break");
      }
    }

    public boolean verified() {
      return status.equals("VERIFIED");
    }
  }

  /**
   * What an archive said about an imported item besides its label. The alternative label's fields are
   * empty when the archive had none (an archive written elsewhere).
   */
  public record ArchiveRecord(
      ItemId item, String policyUuid, String form, Instant importedAt, Optional<String> signerKid, String originatorLabelXml,
      Optional<String> alternativeLabelXml, Optional<String> recipient, Optional<String> recipientLevel, Optional<String> agreement,
      Optional<Instant> decidedAt, List<AssertionCheck> assertions) {
    public ArchiveRecord {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(policyUuid, "policyUuid");
      Objects.requireNonNull(form, "form");
      Objects.requireNonNull(importedAt, "importedAt");
      Objects.requireNonNull(originatorLabelXml, "originatorLabelXml");
      assertions = List.copyOf(assertions);
    }
  }

  /**
   * Stores an imported item, its content and title, the node's {@code holding} of it (null when the node's
   * nation is an originator, whose copy needs none) and the {@code record}, audited as done by {@code actor}, in one transaction. An archive whose policy uuid was
   * imported before is a conflict ({@code ALREADY_IMPORTED}) and nothing is written.
   */
  public void importItem(Item item, byte[] content, ItemTitle title, Holding holding, ArchiveRecord record, AuditActor actor) {
    JdbcItemRepository.check(item, content);
    if (holding != null && !holding.item().equals(item.id()) || !record.item().equals(item.id())) {
      throw new IllegalArgumentException("the holding and the archive record must be of item " + item.id());
    }
    if (find(record.policyUuid()).isPresent()) {
      throw StoreException.conflict("ALREADY_IMPORTED", "the archive of policy " + record.policyUuid() + " was imported before");
    }
    db.tx("importing item " + item.id(), connection -> {
      audit.appendIn(connection, importIn(connection, item, content, title, holding, record, actor));
      return null;
    });
  }

  /**
   * As {@link #importItem} on {@code connection}, inside a caller's transaction (a transfer's inbox row
   * shares it): inserts the rows and gives the audit events for the caller to append.
   */
  List<AuditEvent> importIn(java.sql.Connection connection, Item item, byte[] content, ItemTitle title, Holding holding, ArchiveRecord record,
      AuditActor actor) throws SQLException {
    items.insert(connection, item, content, title);
    List<AuditEvent> events = new ArrayList<>(3);
    events.add(JdbcItemRepository.addedEvent(item, actor));
    if (holding != null) {
      events.add(holdings.insert(connection, holding, actor));
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item_archive (item_id, policy_uuid, form, imported_at, signer_kid,"
        + " originator_label, alternative_label, alt_recipient, alt_level, alt_agreement, alt_decided_at, assertions)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, item.id().value());
      insert.setString(2, record.policyUuid());
      insert.setString(3, record.form());
      Db.setInstant(insert, 4, record.importedAt());
      insert.setString(5, record.signerKid().orElse(null));
      insert.setString(6, record.originatorLabelXml());
      insert.setString(7, record.alternativeLabelXml().orElse(null));
      insert.setString(8, record.recipient().orElse(null));
      insert.setString(9, record.recipientLevel().orElse(null));
      insert.setString(10, record.agreement().orElse(null));
      Db.setInstant(insert, 11, record.decidedAt().orElse(null));
      insert.setString(12, String.join("\n", record.assertions().stream().map(check -> check.id() + "=" + check.status()).toList()));
      insert.executeUpdate();
    }
    events.add(AuditEvent.of(record.importedAt(), "ITEM_IMPORTED", actor, item.id().value(), "policy", record.policyUuid(),
        "form", record.form(), "agreement", record.agreement().orElse(""), "assertions",
        String.join(",", record.assertions().stream().map(check -> check.id() + "=" + check.status()).toList())));
    return events;
  }

  /** The archive record of an imported item; empty for an item registered here. */
  public Optional<ArchiveRecord> of(ItemId item) {
    return select("item_id", item.value());
  }

  /** The record of the item imported from the archive with this policy uuid. */
  public Optional<ArchiveRecord> find(String policyUuid) {
    return select("policy_uuid", policyUuid);
  }

  private Optional<ArchiveRecord> select(String column, String value) {
    return db.tx("reading an archive record", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT item_id, policy_uuid, form, imported_at, signer_kid, originator_label,"
          + " alternative_label, alt_recipient, alt_level, alt_agreement, alt_decided_at, assertions FROM item_archive WHERE " + column + " = ?")) {
        select.setString(1, value);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(read(row)) : Optional.<ArchiveRecord>empty();
        }
      }
    });
  }

  private static ArchiveRecord read(ResultSet row) throws SQLException {
    List<AssertionCheck> checks = new ArrayList<>();
    for (String line : row.getString("assertions").split("\n")) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        checks.add(new AssertionCheck(line.substring(0, equals), line.substring(equals + 1)));
      }
    }
    return new ArchiveRecord(ItemId.of(row.getString("item_id")), row.getString("policy_uuid"), row.getString("form"),
        Db.getInstant(row, "imported_at"), Optional.ofNullable(row.getString("signer_kid")), row.getString("originator_label"),
        Optional.ofNullable(row.getString("alternative_label")), Optional.ofNullable(row.getString("alt_recipient")),
        Optional.ofNullable(row.getString("alt_level")), Optional.ofNullable(row.getString("alt_agreement")),
        Optional.ofNullable(Db.getInstant(row, "alt_decided_at")), checks);
  }
}
