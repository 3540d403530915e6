package org.pactbridge.api.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.label.marking.MarkingParseException;
import org.pactbridge.core.label.marking.MarkingParser;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.time.DateSpec;

/**
 * The body of {@code POST /api/v1/decisions}: the flags of {@code pactbridge check} in camelCase.
 * List fields take an array or a single string; a string may hold a comma-separated list, as the flag
 * does. {@code marking} may replace {@code originator}, {@code level}, {@code relTo}, {@code noforn}
 * and {@code orcon}; a field that contradicts it is bad input.
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

  /**
   * Translates the body into a core request: the one place where a decision body becomes core types.
   * {@code now} is the instant used when {@code at} is absent.
   */
  public ReleaseRequest toRequest(Registry registry, Instant now) {
    Instant instant = at == null ? now : parseAt(at);
    List<String> originators = split(originator);
    String levelToken = level;
    boolean isNoforn = Boolean.TRUE.equals(noforn);
    boolean isOrcon = Boolean.TRUE.equals(orcon);
    List<String> relToEntries = relTo == null ? null : split(relTo);
    if (marking != null) {
      SecurityLabel read = label(registry, marking, instant);
      String canonical = "'" + marking.strip() + "'";
      if (!originators.isEmpty()) {
        Set<PartyCode> given = new LinkedHashSet<>();
        originators.forEach(token -> given.add(registry.requireParty(token).code()));
        if (!given.equals(read.originatorSet())) {
          throw contradiction("originator", String.join(",", originators), canonical);
        }
      }
      if (levelToken != null && !read.level().equals(resolveLevel(registry.requireParty(read.level().party()), levelToken, instant))) {
        throw contradiction("level", levelToken, canonical);
      }
      if (noforn != null && isNoforn != read.releasability().isNoforn()) {
        throw contradiction("noforn", String.valueOf(noforn), canonical);
      }
      if (orcon != null && isOrcon != read.orcon()) {
        throw contradiction("orcon", String.valueOf(orcon), canonical);
      }
      if (relToEntries != null
          && (!read.releasability().hasRelTo() || !Set.copyOf(relToEntries(registry, relToEntries)).equals(Set.copyOf(read.releasability().relToEntries())))) {
        throw contradiction("relTo", String.join(",", relToEntries), canonical);
      }
      List<String> fromLabel = new ArrayList<>();
      fromLabel.add(read.level().party().value());
      read.originators().stream().filter(party -> !party.equals(read.level().party())).forEach(party -> fromLabel.add(party.value()));
      originators = fromLabel;
      levelToken = read.level().code();
      isNoforn = read.releasability().isNoforn();
      isOrcon = read.orcon();
      relToEntries = read.releasability().hasRelTo() ? read.releasability().relToEntries() : null;
    }
    if (isNoforn && relToEntries != null) {
      throw InvalidInputException.contradiction("noforn", "noforn contradicts relTo: an item is either NOFORN or releasable to a list");
    }
    if (originators.isEmpty()) {
      throw InvalidInputException.invalid("MISSING_FIELD", "originator", "missing field 'originator' (or 'marking')");
    }
    if (levelToken == null) {
      throw InvalidInputException.invalid("MISSING_FIELD", "level", "missing field 'level' (or 'marking')");
    }
    if (to == null) {
      throw InvalidInputException.invalid("MISSING_FIELD", "to", "missing field 'to'");
    }
    Set<PartyCode> originatorCodes = new LinkedHashSet<>();
    for (String token : originators) {
      originatorCodes.add(registry.requireParty(token).code());
    }
    Party first = registry.requireParty(originators.get(0));
    Level itemLevel = resolveLevel(first, levelToken, instant);
    PartyCode recipient = registry.requireParty(to).code();
    PartyCode holderCode = holder == null ? first.code() : registry.requireParty(holder).code();
    Set<Topic> topicSet = new LinkedHashSet<>();
    for (String topic : split(topics)) {
      topicSet.add(Topic.of(topic));
    }
    Releasability releasability = Releasability.open();
    if (isNoforn) {
      releasability = Releasability.noforn();
    } else if (relToEntries != null) {
      releasability = Releasability.relTo(relToEntries(registry, relToEntries));
    }
    Set<PartyCode> consentCodes = new LinkedHashSet<>();
    for (String token : split(consents)) {
      consentCodes.add(registry.requireParty(token).code());
    }
    return new ReleaseRequest(originatorCodes, itemLevel, releasability, isOrcon, topicSet, null, holderCode, recipient, null, consentCodes,
        instant);
  }

  /**
   * {@link DateSpec#parseInstant}, with a fast path for the common plain day {@code YYYY-MM-DD} (no
   * regular expression: this runs once per request on the decision hot path). Anything else, and any
   * invalid day, goes to {@code DateSpec}, which also words the error.
   */
  public static Instant parseAt(String text) {
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-' && digits(text, 0, 4) && digits(text, 5, 7) && digits(text, 8, 10)) {
      try {
        return java.time.LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10)).atStartOfDay()
            .toInstant(java.time.ZoneOffset.UTC);
      } catch (java.time.DateTimeException e) {
        return DateSpec.parseInstant(text);
      }
    }
    return DateSpec.parseInstant(text);
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  static List<String> relToEntries(Registry registry, List<String> entries) {
    List<String> out = new ArrayList<>();
    for (String entry : entries) {
      String trimmed = entry.strip();
      if (registry.findCommunity(trimmed).isPresent()) {
        out.add(trimmed);
      } else {
        out.add(registry.requireParty(trimmed).code().value());
      }
    }
    return out;
  }

  /** A level token in the party's scheme at {@code at}, or a clear error naming the token. */
  public static Level resolveLevel(Party party, String token, Instant at) {
    return party.findLevel(token, at).orElseThrow(() -> {
      if (party.findLevelInAnyVersion(token).isPresent()) {
        return InvalidInputException.levelNotInForce(party.code().value(), token, DateSpec.format(at));
      }
      return InvalidInputException.unknownLevel(party.code().value(), token, party.schemeAt(at).codesForMessage());
    });
  }

  /** Flattens a list whose entries may themselves be comma-separated; blanks are dropped. */
  static List<String> split(List<String> values) {
    List<String> out = new ArrayList<>();
    if (values == null) {
      return out;
    }
    for (String value : values) {
      if (value == null) {
        continue;
      }
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }

  private static InvalidInputException contradiction(String field, String value, String marking) {
    return InvalidInputException.contradiction(value, "field '" + field + "' (" + value + ") contradicts the marking " + marking);
  }

  /** One parser per registry snapshot: building its party directory costs more than a parse. */
  private static volatile Object[] parser = {null, null};

  /** The label a marking gives, read by the shared marking grammar; its first error is bad input naming token and index. */
  static SecurityLabel label(Registry registry, String marking, Instant at) {
    Object[] cached = parser;
    MarkingParser reader;
    if (cached[0] == registry) {
      reader = (MarkingParser) cached[1];
    } else {
      reader = MarkingParser.of(registry);
      parser = new Object[] {registry, reader};
    }
    try {
      return reader.parse(marking, at).label();
    } catch (MarkingParseException unreadable) {
      throw InvalidInputException.invalid("BAD_MARKING", unreadable.found(), "bad " + unreadable.getMessage() + " [" + unreadable.code() + "]");
    }
  }
}
