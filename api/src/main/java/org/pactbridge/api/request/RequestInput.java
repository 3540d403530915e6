package org.pactbridge.api.request;

import java.util.List;

/**
 * A release request as given, before anything is checked: the fields of {@code POST
 * /api/v1/decisions}, which are the {@code pactbridge check} options in camelCase. List fields may
 * hold comma-separated entries. {@code null} means not given: for {@code relTo}, {@code noforn} and
 * {@code orcon} this differs from an empty list or {@code false}, which a marking can contradict.
 * Only {@link RequestReader} turns one into core types.
 */
public record RequestInput(
    List<String> originator,
    String level,
    String to,
    String holder,
    List<String> topics,
    List<String> relTo,
    Boolean noforn,
    Boolean orcon,
    List<String> consents,
    String at,
    String marking) {

  /** The label fields only, for registering an item: no recipient, holder, consents or instant. */
  public static RequestInput label(List<String> originator, String level, List<String> topics, List<String> relTo, Boolean noforn, Boolean orcon,
      String marking) {
    return new RequestInput(originator, level, null, null, topics, relTo, noforn, orcon, null, null, marking);
  }
}
