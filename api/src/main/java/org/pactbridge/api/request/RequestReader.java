package org.pactbridge.api.request;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.label.marking.Diagnostic;
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
 * The one reader of a release request: from the {@code pactbridge check} options ({@link
 * #fromOptions}), from the JSON body of {@code POST /api/v1/decisions} ({@link #fromBody}), and from a
 * marking that stands for the label fields ({@link #fromMarking}). All three check the same things in
 * the same order and fail with a {@link RequestException} that names the field as the form spells it;
 * the form changes nothing else. Item registration reads its label here too ({@link #label}).
 *
 * <p>Thread-safe. Cost: a few registry look-ups per request; a marking is read by a parser cached per
 * registry snapshot. This runs once per request on the decision endpoints' hot path, so dates in the
 * plain day form skip the general date grammar.
 */
public final class RequestReader {
  /** One parser per registry snapshot: building its party directory costs more than a parse. */
  private static volatile Object[] parser = {null, null};

  private final Registry registry;
  private final RequestForm form;

  private RequestReader(Registry registry, RequestForm form) {
    this.registry = registry;
    this.form = form;
  }

  /**
   * The request the {@code check} options give, filled into a {@link DecisionBody} by their camelCase
   * names (a flag not given is null); {@code now} is the instant when {@code --at} is absent.
   */
  public static ReleaseRequest fromOptions(Registry registry, DecisionBody options, Instant now) {
    return new RequestReader(registry, RequestForm.OPTIONS).request(options, now);
  }

  /** The request a decision body gives; {@code now} is the instant when {@code at} is absent. */
  public static ReleaseRequest fromBody(Registry registry, DecisionBody body, Instant now) {
    return new RequestReader(registry, RequestForm.BODY).request(body, now);
  }

  /**
   * The label a marking gives at {@code at}, read by the shared marking grammar. Its first error is a
   * {@code BAD_MARKING} naming the grammar's code, the token and its index.
   */
  public static SecurityLabel fromMarking(Registry registry, RequestForm form, String marking, Instant at) {
    return new RequestReader(registry, form).marking(marking, at);
  }

  /**
   * The label fields of {@code input} (a marking, or the originators, level, releasability and ORCON),
   * checked as for a request: what an item is registered with.
   */
  public static Label label(Registry registry, RequestForm form, DecisionBody input, Instant at) {
    return new RequestReader(registry, form).label(input, at, false);
  }

  /** {@code text} as the instant of a request in {@code form}, or {@code now} when it is absent. */
  public static Instant instant(RequestForm form, String text, Instant now) {
    return text == null ? now : new RequestReader(null, form).date("at", text);
  }

  /** A level token in the party's scheme at {@code at}, or the core's error naming the token. */
  public static Level level(Party party, String token, Instant at) {
    return party.findLevel(token, at).orElseThrow(() -> {
      if (party.findLevelInAnyVersion(token).isPresent()) {
        return InvalidInputException.levelNotInForce(party.code().value(), token, DateSpec.format(at));
      }
      return InvalidInputException.unknownLevel(party.code().value(), token, party.schemeAt(at).codesForMessage());
    });
  }

  /**
   * An item's label as read: originators (the level's party first), level, releasability and ORCON;
   * {@code topics} are those given as fields; {@code marked} is the label the marking gave, or null.
   */
  public record Label(List<PartyCode> originators, Level level, Releasability releasability, boolean orcon, Set<Topic> topics,
      SecurityLabel marked) {}

  private ReleaseRequest request(DecisionBody input, Instant now) {
    Instant at = input.at() == null ? now : date("at", input.at());
    Label label = label(input, at, true);
    PartyCode recipient = party("to", input.to());
    PartyCode holder = input.holder() == null ? label.originators().get(0) : party("holder", input.holder());
    Set<PartyCode> consents = new LinkedHashSet<>();
    for (String token : split(input.consents())) {
      consents.add(party("consents", token));
    }
    // Set.copyOf here makes the request's own copy a no-op: one copy per request, on the hot path.
    return new ReleaseRequest(Set.copyOf(label.originators()), label.level(), label.releasability(), label.orcon(), label.topics(), null,
        holder, recipient, null, consents, at);
  }

  /** The label fields; with {@code recipient}, a missing {@code to} is reported after a missing originator or level, as a body lists them. */
  private Label label(DecisionBody input, Instant at, boolean recipient) {
    List<String> originators = split(input.originator());
    List<String> relTo = input.relTo() == null ? null : split(input.relTo());
    boolean noforn = Boolean.TRUE.equals(input.noforn());
    if (noforn && relTo != null) {
      throw new RequestException("CONTRADICTORY_INPUT", form.name("noforn"), form.name("noforn"),
          RequestException.NO_INDEX, form.name("noforn") + " contradicts " + form.name("relTo") + ": an item is either NOFORN or releasable to a list");
    }
    Set<Topic> topics = new LinkedHashSet<>();
    if (input.marking() != null) {
      SecurityLabel marked = marking(input.marking(), at);
      agree(input, originators, relTo, marked, at);
      requireRecipient(input, recipient);
      List<PartyCode> codes = new ArrayList<>();
      codes.add(marked.level().party());
      marked.originators().stream().filter(party -> !party.equals(marked.level().party())).forEach(codes::add);
      topics(input, topics);
      return new Label(List.copyOf(codes), marked.level(), marked.releasability(), marked.orcon(), topics, marked);
    }
    if (originators.isEmpty()) {
      throw missing("originator", "marking");
    }
    if (input.level() == null) {
      throw missing("level", "marking");
    }
    requireRecipient(input, recipient);
    Set<PartyCode> codes = new LinkedHashSet<>();
    for (String token : originators) {
      codes.add(party("originator", token));
    }
    Level level = level("level", originators.get(0), input.level(), at);
    topics(input, topics);
    Releasability releasability = noforn ? Releasability.noforn() : relTo == null ? Releasability.open() : Releasability.relTo(relToEntries(relTo));
    return new Label(List.copyOf(codes), level, releasability, Boolean.TRUE.equals(input.orcon()), topics, null);
  }

  private void requireRecipient(DecisionBody input, boolean recipient) {
    if (recipient && input.to() == null) {
      throw missing("to", null);
    }
  }

  /** Every label field given beside a marking must say what the marking says. */
  private void agree(DecisionBody input, List<String> originators, List<String> relTo, SecurityLabel marked, Instant at) {
    if (!originators.isEmpty()) {
      Set<PartyCode> given = new HashSet<>();
      originators.forEach(token -> given.add(party("originator", token)));
      if (!given.equals(marked.originatorSet())) {
        throw contradiction("originator", String.join(",", originators), input.marking(), "names the originators " + marked.originators());
      }
    }
    if (input.level() != null) {
      Level given = level("level", marked.level().party().value(), input.level(), at);
      if (!given.equals(marked.level())) {
        throw contradiction("level", input.level(), input.marking(), "is " + marked.level().qualified());
      }
    }
    Releasability releasability = marked.releasability();
    if (input.noforn() != null && input.noforn() != releasability.isNoforn()) {
      throw contradiction("noforn", flag(input.noforn()), input.marking(),
          releasability.isNoforn() ? "is NOFORN" : "is " + (releasability.hasRelTo() ? releasability : "not NOFORN"));
    }
    if (relTo != null && (!releasability.hasRelTo() || !Set.copyOf(relToEntries(relTo)).equals(Set.copyOf(releasability.relToEntries())))) {
      throw contradiction("relTo", String.join(",", relTo), input.marking(), "is " + releasability);
    }
    if (input.orcon() != null && input.orcon() != marked.orcon()) {
      throw contradiction("orcon", flag(input.orcon()), input.marking(), marked.orcon() ? "has ORCON" : "has no ORCON");
    }
  }

  private SecurityLabel marking(String marking, Instant at) {
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
      String first = unreadable.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::message).findFirst()
          .orElse(unreadable.getMessage());
      throw new RequestException("BAD_MARKING", form.name("marking"), unreadable.found(), unreadable.index(),
          form.name("marking") + ": " + first + " (at index " + unreadable.index() + ") [" + unreadable.code() + "]");
    }
  }

  /**
   * A date or an instant, as {@link DateSpec#parseInstant} reads it, with a fast path for the plain
   * day {@code YYYY-MM-DD} (no regular expression). A bad one names the index of its first wrong character.
   */
  private Instant date(String field, String text) {
    if (text.length() == 10 && dayForm(text) == 10) {
      try {
        return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10)).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeException e) {
        // an impossible day: DateSpec words the error below
      }
    }
    try {
      return DateSpec.parseInstant(text);
    } catch (InvalidInputException malformed) {
      int index = dateIndex(text);
      String message = malformed.getMessage();
      int expected = message.indexOf(" (expected");
      String positioned = expected < 0 ? message + " at index " + index
          : message.substring(0, expected) + " at index " + index + message.substring(expected);
      throw new RequestException(malformed.code(), form.name(field), text, index, form.name(field) + ": " + positioned);
    }
  }

  /**
   * The first character of a malformed date or instant that does not fit: a character out of the
   * {@code YYYY-MM-DD} shape, else the month or the day that does not exist, else where the ISO
   * instant grammar stopped.
   */
  static int dateIndex(String text) {
    int shape = dayForm(text);
    if (shape < 10) {
      return shape;
    }
    int month = number(text, 5, 7);
    if (month < 1 || month > 12) {
      return 5;
    }
    try {
      LocalDate.of(number(text, 0, 4), month, number(text, 8, 10));
    } catch (DateTimeException e) {
      return 8;
    }
    if (text.length() == 10) {
      return 0; // a well-formed day DateSpec refused: nothing to point at
    }
    if (text.charAt(10) != 'T') {
      return 10;
    }
    try {
      OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      return 0;
    } catch (DateTimeParseException e) {
      // The grammar stops where the shape breaks; a value out of range (25:00) fails later, at index 0.
      return e.getErrorIndex() > 0 ? e.getErrorIndex() : timeIndex(text);
    }
  }

  /** The hour (11), minute (14) or second (17) of {@code ...THH:MM:SS} that is out of range, else the 'T' (10). */
  private static int timeIndex(String text) {
    int[] starts = {11, 14, 17};
    int[] limits = {23, 59, 59};
    for (int field = 0; field < starts.length; field++) {
      int start = starts[field];
      if (text.length() >= start + 2 && Character.isDigit(text.charAt(start)) && Character.isDigit(text.charAt(start + 1))
          && number(text, start, start + 2) > limits[field]) {
        return start;
      }
    }
    return 10;
  }

  /** How many leading characters of {@code text} fit {@code YYYY-MM-DD} (10 when all do). */
  private static int dayForm(String text) {
    for (int i = 0; i < 10; i++) {
      if (i >= text.length()) {
        return i;
      }
      char c = text.charAt(i);
      boolean fits = i == 4 || i == 7 ? c == '-' : c >= '0' && c <= '9';
      if (!fits) {
        return i;
      }
    }
    return 10;
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  private void topics(DecisionBody input, Set<Topic> topics) {
    for (String slug : split(input.topics())) {
      try {
        topics.add(Topic.of(slug));
      } catch (InvalidInputException malformed) {
        throw RequestException.of(malformed, form.name("topics"));
      }
    }
  }

  private PartyCode party(String field, String token) {
    try {
      return registry.requireParty(token).code();
    } catch (InvalidInputException unknown) {
      throw RequestException.of(unknown, form.name(field));
    }
  }

  /** {@code token} in the scheme of {@code partyToken} at {@code at}. */
  private Level level(String field, String partyToken, String token, Instant at) {
    try {
      return level(registry.requireParty(partyToken), token, at);
    } catch (InvalidInputException refused) {
      throw RequestException.of(refused, form.name(field));
    }
  }

  /** REL TO entries: communities as given, parties as their codes. */
  private List<String> relToEntries(List<String> entries) {
    List<String> out = new ArrayList<>();
    for (String entry : entries) {
      String trimmed = entry.strip();
      out.add(registry.findCommunity(trimmed).isPresent() ? trimmed : party("relTo", trimmed).value());
    }
    return out;
  }

  /** A boolean field as an error quotes it: a flag is named alone, a JSON field with its value. */
  private String flag(boolean value) {
    return form == RequestForm.OPTIONS ? null : String.valueOf(value);
  }

  private RequestException contradiction(String field, String value, String marking, String what) {
    return new RequestException("CONTRADICTORY_INPUT", form.name(field), value == null ? form.name(field) : value, RequestException.NO_INDEX,
        form.quote(field, value) + " contradicts " + form.marking(marking) + ", which " + what);
  }

  private RequestException missing(String field, String alternative) {
    return new RequestException("MISSING_FIELD", form.name(field), field, RequestException.NO_INDEX, form.missing(field, alternative));
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
}
