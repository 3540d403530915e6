package org.pactbridge.core.label.marking;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.registry.Registry;

/**
 * Reads banner and portion markings in the CAPCO style, and Korean and Japanese native markings, into
 * a {@link SecurityLabel}. Parties, levels and communities are resolved through a
 * {@link PartyDirectory}; the CAPCO vocabulary (controls, SCI, SAR, AEA) is built in.
 *
 * <p>Strict: an unknown classification, party, level, community or control is an error that names the
 * token and its 0-based index; a form that is understood but not canonical (a portion abbreviation in a
 * banner, a REL TO list out of order) is a warning. Every finding is reported, not just the first; the
 * codes are catalogued in {@link DiagnosticCode}.
 *
 * <p>How it reads: the lexer ({@code MarkingLexer}) splits the input into a classification and its
 * blocks; the first family ({@code MarkingFamily}, in the order of {@code FAMILIES}) that claims the
 * classification reads it; {@code ControlBlocks} reads the blocks; {@code MarkingRules} checks the
 * whole. A new classification family is one {@code MarkingFamily} class and one entry in
 * {@code FAMILIES}; those types are package-private.
 *
 * <p>Each diagnostic with one right form carries a suggestion ({@link Diagnostic#suggestion()}): the
 * corrected marking, read once more to give its canonical form.
 *
 * <p>Immutable and thread-safe. Cost: linear in the marking's length, one hash look-up per token;
 * a typical banner reads in well under a microsecond. A marking with findings reads once more for each
 * finding that has a correction (a clean marking, the common case, reads once).
 */
public final class MarkingParser {
  /**
   * The classification families, asked in this order; the first that claims a classification reads
   * it. The CAPCO family claims every ASCII first block and the native family every other one, so a
   * new family that reads text of either kind goes before them.
   */
  private static final List<MarkingFamily> FAMILIES = List.of(
      new CapcoClassification(),
      new NativeClassification(),
      new JointClassification(),
      new ForeignClassification());

  private final PartyDirectory directory;

  public MarkingParser(PartyDirectory directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  public static MarkingParser of(Registry registry) {
    return new MarkingParser(PartyDirectory.of(registry));
  }

  /**
   * Reads a marking and reports every diagnostic; levels are looked up in any version of a party's
   * scheme. Never throws for any input text.
   */
  public ParsedMarking read(String text) {
    return read(text, null);
  }

  /** As {@link #read(String)}, with levels looked up in the scheme version in force at {@code at}. */
  public ParsedMarking read(String text, Instant at) {
    Objects.requireNonNull(text, "text");
    return read(text, at, candidate -> {
      ParsedMarking corrected = read(candidate, at, again -> null);
      return corrected.hasErrors() ? null : corrected.canonical().orElse(null);
    });
  }

  /** One reading; {@code cleanCanonical} turns a diagnostic's correction into its suggestion. */
  private ParsedMarking read(String text, Instant at, UnaryOperator<String> cleanCanonical) {
    if (text.isBlank()) {
      Reading reading = new Reading(text, at, directory, false);
      reading.report(DiagnosticCode.EMPTY_MARKING, 0, "expected a classification, found "
          + (text.isEmpty() ? "end of input" : "only blanks"));
      return reading.finish(cleanCanonical);
    }
    MarkingLexer.Lexed lexed = MarkingLexer.lex(text);
    Reading reading = new Reading(text, at, directory, lexed.portion());
    if (lexed.unbalanced()) {
      reading.report(DiagnosticCode.UNBALANCED_PARENTHESIS, text.length(),
          "expected ')' to close the portion mark opened at index 0, found end of input",
          Reading.replace(text.length(), 0, ")"));
    }
    MarkingLexer.Piece classification = reading.stripped(lexed.classification());
    reading.classificationIndex = classification.index();
    reading.classificationToken = classification.text();
    familyOf(classification.text(), lexed.foreign()).read(classification, reading);
    new ControlBlocks(reading).read(lexed.blocks());
    MarkingRules.check(reading);
    return reading.finish(cleanCanonical);
  }

  private static MarkingFamily familyOf(String classification, boolean foreign) {
    for (MarkingFamily family : FAMILIES) {
      if (family.claims(classification, foreign)) {
        return family;
      }
    }
    // unreachable while the CAPCO, native and foreign families between them claim every classification
    throw new IllegalStateException("no marking family claims the classification");
  }

  /** Reads a marking; throws {@link MarkingParseException} on the first error. Warnings are returned. */
  public ParsedMarking parse(String text) {
    return parse(text, null);
  }

  public ParsedMarking parse(String text, Instant at) {
    ParsedMarking parsed = read(text, at);
    for (Diagnostic diagnostic : parsed.diagnostics()) {
      if (diagnostic.isError()) {
        throw new MarkingParseException(text, diagnostic, parsed.diagnostics());
      }
    }
    return parsed;
  }

  /** Reads and returns the label; throws {@link MarkingParseException} on any error. */
  public SecurityLabel parseLabel(String text) {
    return parse(text).label();
  }
}
