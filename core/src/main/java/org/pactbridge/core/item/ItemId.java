package org.pactbridge.core.item;

import org.pactbridge.core.InvalidInputException;

/** An item's identifier: 1 to 64 letters, digits, '-' or '_' (the store issues UUIDs). */
public record ItemId(String value) implements Comparable<ItemId> {
  /** Compiled once: a bulk import makes an id per line. */
  private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  public ItemId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw InvalidInputException.invalid(
          "MALFORMED_ITEM_ID", String.valueOf(value), "malformed item id '" + value + "' (1 to 64 letters, digits, '-' or '_')");
    }
  }

  public static ItemId of(String value) {
    return new ItemId(value);
  }

  @Override
  public int compareTo(ItemId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
