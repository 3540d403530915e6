package org.pactbridge.core.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where a node keeps its users. Implementations are thread-safe. */
public interface UserRepository {
  /** Adds a new user; a second user with the same id or name is {@link DuplicateUserException}. */
  void add(User user);

  Optional<User> find(String id);

  Optional<User> findByName(String name);

  /** Users by name. */
  List<User> all();

  long count();

  /**
   * Deletes the user at {@code at}: no look-up finds them again and every token of theirs is revoked.
   * False when there is no such user.
   */
  boolean delete(String id, Instant at);
}
