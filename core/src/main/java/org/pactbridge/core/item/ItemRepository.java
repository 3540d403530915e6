package org.pactbridge.core.item;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pactbridge.core.audit.AuditActor;

/**
 * Where items and their content are kept. Implementations store the content encrypted and append an
 * audit entry in the same transaction as the item: either both are kept or neither. Content never
 * appears in an exception message or a log.
 */
public interface ItemRepository {

  /**
   * Stores a new item with its plain content, audited as added by {@code actor} (who registered it, not
   * the item's originator); fails if the id is taken or the hash does not match.
   */
  default void add(Item item, byte[] content, AuditActor actor) {
    add(item, content, ItemTitle.NONE, actor);
  }

  /** As {@link #add(Item, byte[], AuditActor)}, with the item's title, which is stored encrypted like the content. */
  void add(Item item, byte[] content, ItemTitle title, AuditActor actor);

  Optional<Item> find(ItemId id);

  /** The item, or an exception naming the unknown id. */
  Item require(ItemId id);

  /** Items in registration order, {@code limit} of them from {@code offset}. */
  List<Item> list(int offset, int limit);

  long count();

  /** The item's decrypted title ({@link ItemTitle#NONE} when it has none); an unknown id is an exception. */
  ItemTitle title(ItemId id);

  /**
   * The decrypted titles of the given items, in one read: items without a title map to {@link ItemTitle#NONE};
   * unknown ids are left out.
   */
  Map<ItemId, ItemTitle> titles(List<ItemId> ids);

  /** The decrypted content, checked against the item's hash. */
  byte[] content(ItemId id);
}
