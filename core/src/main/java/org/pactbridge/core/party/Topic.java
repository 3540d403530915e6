package org.pactbridge.core.party;

import java.util.LinkedHashSet;
import java.util.Set;
import org.pactbridge.core.InvalidInputException;

/** A subject an item is about, as a lower-case slug ({@code dprk-missile}). Any slug is accepted. */
public record Topic(String slug) implements Comparable<Topic> {

  public Topic {
    if (slug == null || !isSlug(slug)) {
      throw InvalidInputException.malformedTopic(String.valueOf(slug));
    }
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

  // Equality and hash as the record's own (the slug), with an identity fast path: topics are hash keys
  // on the hot path and are usually the registry's own instances.
  @Override
  public boolean equals(Object other) {
    return other == this || (other instanceof Topic topic && topic.slug.equals(slug));
  }

  @Override
  public int hashCode() {
    return slug.hashCode();
  }

  @Override
  public String toString() {
    return slug;
  }
}
