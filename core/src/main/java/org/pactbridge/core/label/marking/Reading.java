package org.pactbridge.core.label.marking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  /** A recognised entry, for the order checks; {@code block} identifies the block it was written in. */
  record Entry(Category category, int key, String text, int index, int block) {}

  final String text;
  final Instant at;
  final PartyDirectory directory;
  final boolean portion;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
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
  boolean fgi;
  final List<String> fgiSources = new ArrayList<>();

  Reading(String text, Instant at, PartyDirectory directory, boolean portion) {
    this.text = text;
    this.at = at;
    this.directory = directory;
    this.portion = portion;
  }

  void report(DiagnosticCode code, int index, String message) {
    diagnostics.add(code.at(index, message));
  }

  /** The marking read: diagnostics in input order (stable for equal indexes), a label when there is no error. */
  ParsedMarking finish() {
    diagnostics.sort((a, b) -> Integer.compare(a.index(), b.index()));
    boolean errors = false;
    for (Diagnostic diagnostic : diagnostics) {
      errors |= diagnostic.isError();
    }
    SecurityLabel label = errors || level == null ? null : buildLabel();
    return new ParsedMarking(text, portion ? MarkingForm.PORTION : MarkingForm.BANNER, label, diagnostics);
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
          + portionForm + "'");
    } else if (!portion && token.equals(portionForm)) {
      report(DiagnosticCode.BANNER_USES_PORTION_FORM, index, "banner uses the portion form '" + portionForm + "'; write '"
          + banner + "'");
    }
  }

  /** The character at {@code index}, quoted, or {@code end of input}: the "found" part of a message. */
  String describeAt(int index) {
    if (index >= text.length()) {
      return "end of input";
    }
    return MarkingLexer.quoted(String.valueOf(text.charAt(index)));
  }
}
