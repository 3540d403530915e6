package org.pactbridge.api.request;

import java.time.Instant;
import java.util.List;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.ReleaseRequest;

/**
 * A release request as given, before anything is checked: the body of {@code POST
 * /api/v1/decisions}, which is the flags of {@code pactbridge check} in camelCase (the CLI fills one
 * from its options). List fields take an array or a single string; a string may hold a
 * comma-separated list, as the flag does. {@code null} means not given: for {@code relTo},
 * {@code noforn} and {@code orcon} this differs from an empty list or {@code false}, which a marking
 * can contradict. {@code marking} may replace {@code originator}, {@code level}, {@code relTo},
 * {@code noforn} and {@code orcon}; a field that contradicts it is bad input. Only {@link
 * RequestReader} turns one into core types.
 */
public record DecisionBody(
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
  public static DecisionBody label(List<String> originator, String level, List<String> topics, List<String> relTo, Boolean noforn, Boolean orcon,
      String marking) {
    return new DecisionBody(originator, level, null, null, topics, relTo, noforn, orcon, null, null, marking);
  }

  /**
   * The core request, read by {@link RequestReader#fromBody}; {@code now} is the instant used when
   * {@code at} is absent. Throws {@link RequestException}.
   */
  public ReleaseRequest toRequest(Registry registry, Instant now) {
    return RequestReader.fromBody(registry, this, now);
  }

  /** An instant field of a body ({@code at}), as {@link RequestReader} reads one. */
  public static Instant parseAt(String text) {
    return RequestReader.instant(RequestForm.BODY, text, null);
  }

  /** A level token in the party's scheme at {@code at}; see {@link RequestReader#level}. */
  public static Level resolveLevel(Party party, String token, Instant at) {
    return RequestReader.level(party, token, at);
  }

  /** Flattens a list whose entries may themselves be comma-separated; blanks are dropped. */
  static List<String> split(List<String> values) {
    return RequestReader.split(values);
  }
}
