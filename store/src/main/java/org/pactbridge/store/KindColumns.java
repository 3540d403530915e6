package org.pactbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.GeneralTerms;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;

/**
 * The columns of {@code provision_version} (and any detail rows) that only one kind of agreement
 * fills: an information agreement's equivalence table, an arrangement's hub and paths, a logistics
 * agreement's terms. {@link #of} is the one place that says which columns belong to which kind; a new
 * kind adds its columns there and a Flyway migration for them (docs/architecture.md, "Adding an
 * agreement kind"). Every kind leaves the other kinds' columns empty, as they were before provisions
 * were split by kind, so the stored shape is unchanged.
 */
interface KindColumns {

  /** The columns of each kind. A switch over every kind: a new kind does not compile until it has its own. */
  static KindColumns of(AgreementKind kind) {
    return switch (kind) {
      case INFORMATION -> InformationColumns.INSTANCE;
      case ARRANGEMENT -> ArrangementColumns.INSTANCE;
      case LOGISTICS -> LogisticsColumns.INSTANCE;
    };
  }

  /** Every kind's columns, derived from {@link #of}. */
  static List<KindColumns> all() {
    return Arrays.stream(AgreementKind.values()).map(KindColumns::of).toList();
  }

  /**
   * The stored equivalence rows, by agreement id and version number: read once before the versions,
   * because they live in their own table.
   */
  record StoredRows(Map<String, Map<Integer, List<Map<PartyCode, List<Level>>>>> rows) {
    List<Map<PartyCode, List<Level>>> of(String agreementId, int versionNo) {
      return rows.getOrDefault(agreementId, Map.of()).getOrDefault(versionNo, List.of());
    }
  }

  /** What the part this kind owns is called, for an error about a row that holds it under another kind. */
  String part();

  /** Sets this kind's parameters of the {@code provision_version} insert from {@code provisions} (of this kind). */
  void bind(PreparedStatement insert, Provisions provisions) throws SQLException;

  /** Sets this kind's parameters of the insert to their empty values: the version belongs to another kind. */
  void bindEmpty(PreparedStatement insert) throws SQLException;

  /** Inserts the detail rows of {@code provisions} (of this kind) once its version row is in; none by default. */
  default void insertDetails(Connection connection, AgreementId id, int versionNo, Provisions provisions) throws SQLException {}

  /** The provisions of this kind from {@code general} and this kind's columns of {@code row}. */
  Provisions read(GeneralTerms general, ResultSet row, StoredRows rows) throws SQLException;

  /** Whether {@code row} holds this kind's part. */
  boolean holds(ResultSet row) throws SQLException;
}
