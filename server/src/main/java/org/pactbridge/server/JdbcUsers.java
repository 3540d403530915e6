package org.pactbridge.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.user.ApiToken;
import org.pactbridge.core.user.DuplicateUserException;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.TokenRepository;
import org.pactbridge.core.user.User;
import org.pactbridge.core.user.UserRepository;

/**
 * Users and token hashes over JDBC (H2 or PostgreSQL), in the tables of {@code V100__users.sql}.
 * Clearances are stored as {@code PARTY:CODE} and read back through the registry. Thread-safe.
 */
public final class JdbcUsers implements UserRepository, TokenRepository {
  private static final String USER_COLUMNS = "id, name, nationality, clearance, need_to_know, compartments, roles, created_at";
  private static final String TOKEN_COLUMNS = "id, user_id, token_hash, label, created_at, expires_at, revoked_at";

  private final ServerDatabase db;
  private final Registry registry;

  public JdbcUsers(ServerDatabase db, Registry registry) {
    this.db = db;
    this.registry = registry;
  }

  @Override
  public void add(User user) {
    db.with(connection -> {
      if (exists(connection, "SELECT 1 FROM pb_user WHERE name = ? OR id = ?", user.name(), user.id())) {
        throw new DuplicateUserException(user.name());
      }
      try (PreparedStatement statement = connection.prepareStatement("INSERT INTO pb_user (" + USER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        statement.setString(1, user.id());
        statement.setString(2, user.name());
        statement.setString(3, user.nationality().value());
        statement.setString(4, user.clearance().qualified());
        statement.setString(5, join(user.needToKnow().stream().map(Topic::slug).toList()));
        statement.setString(6, join(user.compartments()));
        statement.setString(7, join(user.roles().stream().map(Role::name).toList()));
        statement.setObject(8, time(user.createdAt()));
        statement.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<User> find(String id) {
    return db.with(connection -> queryUser(connection, "SELECT " + USER_COLUMNS + " FROM pb_user WHERE id = ? AND deleted_at IS NULL", id));
  }

  @Override
  public Optional<User> findByName(String name) {
    return db.with(connection -> queryUser(connection, "SELECT " + USER_COLUMNS + " FROM pb_user WHERE name = ? AND deleted_at IS NULL", name));
  }

  @Override
  public List<User> all() {
    return db.with(connection -> {
      List<User> users = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement("SELECT " + USER_COLUMNS + " FROM pb_user WHERE deleted_at IS NULL ORDER BY name");
          ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          users.add(user(rows));
        }
      }
      return users;
    });
  }

  @Override
  public long count() {
    return db.with(connection -> {
      try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM pb_user WHERE deleted_at IS NULL"); ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    });
  }

  @Override
  public void add(ApiToken token) {
    db.with(connection -> {
      try (PreparedStatement statement = connection.prepareStatement("INSERT INTO pb_api_token (" + TOKEN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        statement.setString(1, token.id());
        statement.setString(2, token.userId());
        statement.setString(3, token.hash());
        statement.setString(4, token.label());
        statement.setObject(5, time(token.createdAt()));
        statement.setObject(6, time(token.expiresAt()));
        statement.setObject(7, time(token.revokedAt()));
        statement.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<ApiToken> findByHash(String hash) {
    return db.with(connection -> queryToken(connection, "SELECT " + TOKEN_COLUMNS + " FROM pb_api_token WHERE token_hash = ?", hash));
  }

  @Override
  public Optional<ApiToken> findToken(String id) {
    return db.with(connection -> queryToken(connection, "SELECT " + TOKEN_COLUMNS + " FROM pb_api_token WHERE id = ?", id));
  }

  @Override
  public List<ApiToken> ofUser(String userId) {
    return db.with(connection -> {
      List<ApiToken> tokens = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT " + TOKEN_COLUMNS + " FROM pb_api_token WHERE user_id = ? ORDER BY created_at, id")) {
        statement.setString(1, userId);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            tokens.add(token(rows));
          }
        }
      }
      return tokens;
    });
  }

  @Override
  public boolean revoke(String id, Instant at) {
    return db.inTransaction(connection -> {
      boolean revoked;
      try (PreparedStatement statement = connection.prepareStatement("UPDATE pb_api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
        statement.setObject(1, time(at));
        statement.setString(2, id);
        revoked = statement.executeUpdate() == 1;
      }
      if (revoked) {
        bumpGeneration(connection);
      }
      return revoked;
    });
  }

  /**
   * Marks the user deleted and revokes every token of theirs, in one transaction that also moves the
   * revocation generation; false when there is no such (undeleted) user. The row stays, so that audit
   * entries naming the user still resolve, but no look-up returns it again.
   */
  @Override
  public boolean delete(String id, Instant at) {
    return db.inTransaction(connection -> {
      int deleted;
      try (PreparedStatement statement = connection.prepareStatement("UPDATE pb_user SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL")) {
        statement.setObject(1, time(at));
        statement.setString(2, id);
        deleted = statement.executeUpdate();
      }
      if (deleted == 0) {
        return false;
      }
      try (PreparedStatement statement = connection.prepareStatement("UPDATE pb_api_token SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")) {
        statement.setObject(1, time(at));
        statement.setString(2, id);
        statement.executeUpdate();
      }
      bumpGeneration(connection);
      return true;
    });
  }

  /**
   * The revocation generation: it moves with every revoke and deletion made by any process on this
   * database, so an instance that sees it move drops its cached tokens. One primary-key read.
   */
  long revocationGeneration() {
    return db.with(connection -> {
      try (PreparedStatement statement = connection.prepareStatement("SELECT generation FROM pb_revocation WHERE id = 1");
          ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          throw new ServerException("the revocation generation row is missing: the server schema is damaged");
        }
        return rows.getLong(1);
      }
    });
  }

  private static void bumpGeneration(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("UPDATE pb_revocation SET generation = generation + 1 WHERE id = 1")) {
      statement.executeUpdate();
    }
  }

  private Optional<User> queryUser(Connection connection, String sql, String value) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, value);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(user(rows)) : Optional.empty();
      }
    }
  }

  private static Optional<ApiToken> queryToken(Connection connection, String sql, String value) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, value);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(token(rows)) : Optional.empty();
      }
    }
  }

  private User user(ResultSet rows) throws SQLException {
    PartyCode nationality = PartyCode.of(rows.getString("nationality"));
    String clearance = rows.getString("clearance");
    Party party = registry.requireParty(nationality);
    String code = clearance.substring(clearance.indexOf(':') + 1);
    Level level = party.findLevelInAnyVersion(code)
        .orElseThrow(() -> new ServerException("stored clearance " + clearance + " is not in " + nationality + "'s scheme"));
    Set<Topic> topics = new LinkedHashSet<>();
    split(rows.getString("need_to_know")).forEach(slug -> topics.add(Topic.of(slug)));
    Set<Role> roles = EnumSet.noneOf(Role.class);
    split(rows.getString("roles")).forEach(role -> roles.add(Role.valueOf(role)));
    return new User(rows.getString("id"), rows.getString("name"), nationality, level, topics, new LinkedHashSet<>(split(rows.getString("compartments"))),
        roles, instant(rows, "created_at"));
  }

  private static ApiToken token(ResultSet rows) throws SQLException {
    return new ApiToken(rows.getString("id"), rows.getString("user_id"), rows.getString("token_hash"), rows.getString("label"),
        instant(rows, "created_at"), instant(rows, "expires_at"), instant(rows, "revoked_at"));
  }

  private static boolean exists(Connection connection, String sql, String first, String second) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, first);
      statement.setString(2, second);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static Instant instant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String join(java.util.Collection<String> values) {
    return String.join(",", new TreeSet<>(values));
  }

  private static List<String> split(String value) {
    return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
  }
}
