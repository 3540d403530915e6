package org.pactbridge.core.label.marking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.pactbridge.core.label.Compartment;
import org.pactbridge.core.label.Control;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;

/**
 * One reading of one marking: what the family parser and the control blocks have found so far, every
 * diagnostic, and the look-ups they share (a party, a level in the scheme in force at the reading's
 * instant). Created per call of {@link MarkingParser#read(String, Instant)}; not shared, not thread-safe.
 * The parts are fields, written by {@link MarkingFamily} parsers and {@link ControlBlocks} and read by
 * {@link MarkingRules}; {@link #finish()} turns them into a {@link ParsedMarking}.
 */
final class Reading {
  /** Categories of entries, in marking order. */
  enum Category {
    SCI,
    SAR,
    AEA,
    FGI,
    DISSEM,
    NON_IC
  }

  /**
   * The correction of one finding: the input with {@code length} characters at {@code index} replaced by
   * {@code replacement}. {@code placed} says the replacement stands where the register puts it (a token
   * rewritten in place), so that the corrected text is a suggestion even while other errors remain; a
   * block appended at the end ({@link Reading#appendBlock}) is only suggested once the corrected marking
   * reads without error, in its canonical form.
   */
  record Fix(int index, int length, String replacement, boolean placed) {
    String apply(String text) {
      return text.substring(0, index) + replacement + text.substring(index + length);
    }
  }

  /** A recognised entry, for the order checks; {@code block} identifies the block it was written in. */
  record Entry(Category category, int key, String text, int index, int block) {}

  final String text;
  final Instant at;
  final PartyDirectory directory;
  final boolean portion;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  /**
   * How many corrections one reading checks by reading the corrected marking: a real banner has a handful
   * of findings, and the bound keeps a long run of bad tokens linear rather than quadratic. Findings past
   * it are reported without a suggestion (a warning still gets the canonical form).
   */
  static final int MAX_CORRECTIONS = 32;

  /** The fix of each diagnostic, or null; parallel to {@link #diagnostics}. */
  private final List<Fix> fixes = new ArrayList<>();
  final List<Entry> entries = new ArrayList<>();

  // the classification, set by a family parser
  Level level;
  int classificationIndex;
  String classificationToken = "";
  final List<PartyCode> originators = new ArrayList<>();
  boolean joint;

  // the control blocks, set by ControlBlocks
  final List<Control> controls = new ArrayList<>();
  final List<Integer> controlIndexes = new ArrayList<>();
  final List<Compartment> compartments = new ArrayList<>();
  final List<Integer> compartmentIndexes = new ArrayList<>();
  boolean noforn;
  int nofornIndex = -1;
  List<String> relTo;
  int relToIndex = -1;
  /** The length of the REL TO list from {@link #relToIndex} to the end of its entry, for fixes. */
  int relToListLength;
  boolean fgi;
  final List<String> fgiSources = new ArrayList<>();

  Reading(String text, Instant at, PartyDirectory directory, boolean portion) {
    this.text = text;
    this.at = at;
    this.directory = directory;
    this.portion = portion;
  }

  void report(DiagnosticCode code, int index, String message) {
    report(code, index, message, null);
  }

  /** Reports a finding with the correction that the register gives for it ({@code fix} may be null). */
  void report(DiagnosticCode code, int index, String message, Fix fix) {
    diagnostics.add(code.at(index, message));
    fixes.add(fix);
  }

  /** A fix that rewrites the {@code length} characters at {@code index} in place. */
  static Fix replace(int index, int length, String replacement) {
    return new Fix(index, length, replacement, true);
  }

  /** A fix that appends a block at the end of the marking (inside a portion's parentheses). */
  Fix appendBlock(String block) {
    int end = portion && text.endsWith(")") && text.length() > 1 ? text.length() - 1 : text.length();
    return new Fix(end, 0, "//" + block, false);
  }

  /** The marking read without suggestions for its errors (the family tests' view). */
  ParsedMarking finish() {
    return finish(candidate -> null);
  }

  /**
   * The marking read: diagnostics in input order (stable for equal indexes), each with its suggestion,
   * and a label when there is no error. {@code cleanCanonical} reads a corrected marking and gives its
   * canonical form when it reads without error, else null.
   */
  ParsedMarking finish(UnaryOperator<String> cleanCanonical) {
    boolean errors = false;
    for (Diagnostic diagnostic : diagnostics) {
      errors |= diagnostic.isError();
    }
    SecurityLabel label = errors || level == null ? null : buildLabel();
    MarkingForm form = portion ? MarkingForm.PORTION : MarkingForm.BANNER;
    String canonical = label == null ? null : MarkingFormatter.format(label, form);
    List<Diagnostic> suggested = new ArrayList<>(diagnostics.size());
    int corrections = 0;
    for (int i = 0; i < diagnostics.size(); i++) {
      Fix fix = fixes.get(i);
      if (fix != null && ++corrections > MAX_CORRECTIONS) {
        fix = null;
      }
      suggested.add(diagnostics.get(i).withSuggestion(suggestion(diagnostics.get(i), fix, canonical, cleanCanonical)));
    }
    suggested.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return new ParsedMarking(text, form, label, suggested);
  }

  private String suggestion(Diagnostic diagnostic, Fix fix, String canonical, UnaryOperator<String> cleanCanonical) {
    if (fix != null) {
      String corrected = fix.apply(text);
      String clean = cleanCanonical.apply(corrected);
      return clean != null ? clean : fix.placed() ? corrected : null;
    }
    if (!diagnostic.isError() && canonical != null && !canonical.equals(text)) {
      return canonical;
    }
    return null;
  }

  private SecurityLabel buildLabel() {
    SecurityLabel.Builder builder = SecurityLabel.builder(level);
    if (joint) {
      builder.joint(originators);
    }
    if (noforn) {
      builder.releasability(Releasability.noforn());
    } else if (relTo != null) {
      builder.releasability(Releasability.relTo(relTo));
    }
    controls.forEach(builder::control);
    compartments.forEach(builder::compartment);
    if (fgi) {
      builder.fgi(fgiSources);
    }
    return builder.build();
  }

  // ---- look-ups shared by the family parsers ----------------------------------------------

  /** The level of a party named by a fixed code (USA, NATO), or an error at the classification token. */
  void resolveByCode(PartyCode code, String levelCode, String token, int index) {
    Optional<Party> party = directory.findParty(code);
    if (party.isEmpty()) {
      report(DiagnosticCode.UNKNOWN_PARTY, index, "classification '" + token + "' belongs to " + code
          + ", which the registry does not know");
      return;
    }
    Optional<Level> found = findLevel(party.get(), levelCode);
    if (found.isEmpty()) {
      unknownLevel(party.get(), token, index);
      return;
    }
    level = found.get();
  }

  /**
   * A party's level by code, native name or alias, in the scheme in force at the reading's instant (or
   * in any version); a US-style abbreviation ({@code S}) is also looked up by its full word.
   */
  Optional<Level> findLevel(Party party, String token) {
    Optional<Level> found = at == null ? party.findLevelInAnyVersion(token) : party.findLevel(token, at);
    if (found.isEmpty()) {
      Optional<Capco.Word> word = Capco.usWord(token);
      if (word.isPresent() && !word.get().banner().equals(token)) {
        found = at == null ? party.findLevelInAnyVersion(word.get().banner()) : party.findLevel(word.get().banner(), at);
      }
    }
    return found;
  }

  void unknownLevel(Party party, String token, int index) {
    String scheme = at == null ? party.schemes().get(party.schemes().size() - 1).codesForMessage()
        : party.schemeAt(at).codesForMessage();
    report(DiagnosticCode.UNKNOWN_LEVEL, index, "unknown level '" + token + "' for party " + party.code()
        + (at == null ? "" : " at " + at) + " (known: " + scheme + ")");
  }

  Optional<Party> requireParty(String token, int index) {
    if (MarkingLexer.isPartyLike(token)) {
      Optional<Party> party = directory.findParty(PartyCode.of(token));
      if (party.isPresent()) {
        return party;
      }
    }
    report(DiagnosticCode.UNKNOWN_PARTY, index, "unknown party '" + token
        + "' (expected a known ISO 3166 alpha-3 code such as KOR, or NATO)");
    return Optional.empty();
  }

  /** Warns when a word is written in the other form's spelling ({@code NF} in a banner, {@code SECRET} in a portion). */
  void checkForm(String token, String banner, String portionForm, int index) {
    if (banner.equals(portionForm)) {
      return;
    }
    if (portion && token.equals(banner)) {
      report(DiagnosticCode.PORTION_USES_BANNER_FORM, index, "portion mark uses the banner form '" + banner + "'; write '"
          + portionForm + "'", replace(index, token.length(), portionForm));
    } else if (!portion && token.equals(portionForm)) {
      report(DiagnosticCode.BANNER_USES_PORTION_FORM, index, "banner uses the portion form '" + portionForm + "'; write '"
          + banner + "'", replace(index, token.length(), banner));
    }
  }

  /**
   * The piece without blanks around it, each blank run reported as a non-canonical separator (a blank
   * beside {@code //} or {@code /}, or at an end of the marking); a piece of only blanks is returned as
   * it is, for the caller's report.
   */
  MarkingLexer.Piece stripped(MarkingLexer.Piece piece) {
    String token = piece.text();
    String strip = token.strip();
    if (strip.isEmpty() || strip.length() == token.length()) {
      return piece;
    }
    int lead = token.indexOf(strip);
    int trail = token.length() - lead - strip.length();
    if (lead > 0) {
      report(DiagnosticCode.NON_CANONICAL_SEPARATOR, piece.index(), "blank before " + MarkingLexer.quoted(strip)
          + ": a marking takes no blanks beside '//' or '/', nor at its ends", replace(piece.index(), lead, ""));
    }
    if (trail > 0) {
      int at = piece.index() + lead + strip.length();
      report(DiagnosticCode.NON_CANONICAL_SEPARATOR, at, "blank after " + MarkingLexer.quoted(strip)
          + ": a marking takes no blanks beside '//' or '/', nor at its ends", replace(at, trail, ""));
    }
    return new MarkingLexer.Piece(strip, piece.index() + lead);
  }

  /** The character at {@code index}, quoted, or {@code end of input}: the "found" part of a message. */
  String describeAt(int index) {
    if (index >= text.length()) {
      return "end of input";
    }
    return MarkingLexer.quoted(String.valueOf(text.charAt(index)));
  }
}
