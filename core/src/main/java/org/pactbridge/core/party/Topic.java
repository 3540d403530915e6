package org.pactbridge.core.party;

import java.util.LinkedHashSet;
import java.util.Set;
import org.pactbridge.core.InvalidInputException;

/**
 * A subject an item is about, as a lower-case slug ({@code dprk-missile}). Any slug is accepted.
 *
 * <p>A value class with the shape of a record of one component, {@code slug}: equal when the slugs are,
 * hashed as the slug. It keeps the slug's hash beside it, so that a set look-up hashes a topic, and
 * tells most unequal topics apart, without reading the slug.
 */
public final class Topic implements Comparable<Topic> {
  private final String slug;
  private final int hash;

  public Topic(String slug) {
    if (slug == null || !isSlug(slug)) {
      throw InvalidInputException.malformedTopic(String.valueOf(slug));
    }
    this.slug = slug;
    this.hash = slug.hashCode();
  }

  /** The slug, as written: {@code dprk-missile}. */
  public String slug() {
    return slug;
  }

  public static Topic of(String slug) {
    return new Topic(slug);
  }

  /** Parses a comma-separated list; blanks around entries are ignored, empty input gives no topics. */
  public static Set<Topic> parseList(String list) {
    Set<Topic> topics = new LinkedHashSet<>();
    if (list == null || list.isBlank()) {
      return topics;
    }
    for (String part : list.split(",", -1)) {
      String slug = part.strip();
      if (slug.isEmpty()) {
        throw InvalidInputException.malformedTopic(list);
      }
      topics.add(new Topic(slug));
    }
    return topics;
  }

  static boolean isSlug(String slug) {
    if (slug.isEmpty() || slug.length() > 64 || slug.charAt(0) == '-' || slug.charAt(slug.length() - 1) == '-') {
      return false;
    }
    char previous = 0;
    for (int i = 0; i < slug.length(); i++) {
      char c = slug.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok || (c == '-' && previous == '-')) {
        return false;
      }
      previous = c;
    }
    return true;
  }

  @Override
  public int compareTo(Topic other) {
    return slug.compareTo(other.slug);
  }

  // an identity fast path (topics are usually the registry's own instances), then the hashes
  @Override
  public boolean equals(Object other) {
    return other == this || (other instanceof Topic topic && topic.hash == hash && topic.slug.equals(slug));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return slug;
  }
}
