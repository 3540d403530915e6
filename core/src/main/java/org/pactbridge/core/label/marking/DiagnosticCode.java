package org.pactbridge.core.label.marking;

import java.util.Objects;
import org.pactbridge.core.label.marking.Diagnostic.Severity;

/**
 * The catalogue of everything a marking reader can report: each finding's stable string code (what
 * {@link Diagnostic#code()} carries into JSON and error messages; never rename one), its severity, and
 * a one-line statement of what it means. A {@link Diagnostic}'s own message is specific: it quotes the
 * token and says what was expected. {@code docs/markings.md} lists every constant with its severity and
 * message; {@code DiagnosticCatalogueTest} keeps the two equal.
 */
public enum DiagnosticCode {
  // ---- structure
  EMPTY_MARKING(Severity.ERROR, "the marking is empty or only blanks"),
  UNBALANCED_PARENTHESIS(Severity.ERROR, "a portion mark opened with '(' does not end with ')'"),
  EMPTY_BLOCK(Severity.ERROR, "'//' is not followed by a block"),
  EMPTY_ENTRY(Severity.ERROR, "an entry between '/' separators or in a REL TO list is empty"),
  MALFORMED_SEPARATOR(Severity.ERROR, "the classification and the first block separated by '/' instead of '//'"),
  // ---- a token the registry or the vocabulary does not know
  UNKNOWN_CLASSIFICATION(Severity.ERROR, "the marking does not start with a classification of a known family"),
  UNKNOWN_PARTY(Severity.ERROR, "a party code the registry does not know"),
  UNKNOWN_LEVEL(Severity.ERROR, "a level that is not in the party's classification scheme"),
  UNKNOWN_RELEASABILITY_ENTRY(Severity.ERROR, "a REL TO entry that is neither a known party nor a known community"),
  UNKNOWN_FGI_SOURCE(Severity.ERROR, "an FGI source that is neither a known party nor a known community"),
  UNKNOWN_TOKEN(Severity.ERROR, "a token that is no SCI, SAR, AEA, FGI or dissemination marking"),
  UNKNOWN_COMPARTMENT(Severity.ERROR, "a compartment that the SCI control system does not have"),
  // ---- a known but unusable form
  LEGACY_NATO_MARKING(Severity.ERROR, "a retired NATO compound such as CTSA; the category takes its own block"),
  RETIRED_MARKING(Severity.ERROR, "a retired marking such as EYES ONLY or KDK"),
  CNWDI_WITHOUT_RD(Severity.ERROR, "CNWDI written without RD"),
  DECLASSIFICATION_IN_MARKING(Severity.ERROR, "a declassification instruction such as 25X1 inside the marking"),
  SECOND_CLASSIFICATION(Severity.ERROR, "a classification after the first block"),
  WRONG_BLOCK(Severity.ERROR, "an entry in the block of another kind, such as NOFORN among SCI controls"),
  MALFORMED_SCI(Severity.ERROR, "an SCI control that is not SYSTEM-COMPARTMENT SUB in capital letters"),
  MALFORMED_SAR(Severity.ERROR, "a SAR program that is not capital letters, digits, '-' and single blanks"),
  MALFORMED_JOINT(Severity.ERROR, "a JOINT classification without a level and at least two party codes"),
  COMPARTMENT_REQUIRED(Severity.ERROR, "an SCI control that needs a compartment, such as RSV"),
  EMPTY_REL_TO(Severity.ERROR, "REL TO without a party or community"),
  // ---- a control outside its classification range
  BELOW_FLOOR(Severity.ERROR, "a marking below the lowest classification it is used at"),
  ABOVE_CEILING(Severity.ERROR, "a marking above the highest classification it is used at"),
  // ---- controls that need or exclude each other
  REQUIRES_NOFORN(Severity.ERROR, "HCS, RD, FRD, EXDIS and NODIS need NOFORN"),
  REQUIRES_ORCON(Severity.ERROR, "HCS-O and SI-G need ORCON"),
  CONFLICTING_CONTROLS(Severity.ERROR,
      "NODIS with EXDIS, ORCON with ORCON-USGOV, either of them with RELIDO, or TFNI with RD or FRD"),
  CONFLICTING_RELEASABILITY(Severity.ERROR,
      "NOFORN with REL TO, RELIDO or DISPLAY ONLY; RELIDO with DISPLAY ONLY; LES NOFORN or SBU NOFORN with REL TO; or REL TO twice"),
  // ---- releasability lists, JOINT and NATO
  REL_TO_WITHOUT_USA(Severity.ERROR, "a REL TO list on US information that does not name USA"),
  REL_TO_ONLY_ORIGINATOR(Severity.ERROR, "a REL TO list that names only the single originator, so releases to nobody"),
  JOINT_REL_TO_MISSING_PARTY(Severity.ERROR, "a REL TO list on JOINT information that leaves out a joint party"),
  NOT_WITH_JOINT(Severity.ERROR, "a control that JOINT information may not carry: NOFORN or HCS"),
  NATO_CATEGORY_WITHOUT_NATO(Severity.ERROR, "ATOMAL, BOHEMIA or BALK without a NATO classification or FGI NATO"),
  // ---- understood, but not canonical
  BANNER_USES_PORTION_FORM(Severity.WARNING, "a banner uses a portion form such as NF"),
  PORTION_USES_BANNER_FORM(Severity.WARNING, "a portion mark uses a banner form such as NOFORN"),
  NON_CANONICAL_ORDER(Severity.WARNING,
      "blocks, entries, SCI compartments, or a REL TO, JOINT or FGI list out of canonical order"),
  NON_CANONICAL_BLOCKS(Severity.WARNING, "entries of one kind in two blocks"),
  NON_CANONICAL_FORM(Severity.WARNING, "a US or NATO classification written as a party and a level"),
  NON_CANONICAL_SEPARATOR(Severity.WARNING, "a blank beside '//' or '/' or at an end of the marking, or REL TO entries not separated by ', '"),
  DUPLICATE_ENTRY(Severity.WARNING, "an entry given twice"),
  REL_TO_MISSING_ORIGINATOR(Severity.WARNING, "a non-US party's REL TO list that does not name that party"),
  DESIGNATION_OVER_GRADE(Severity.WARNING, "a Japanese designation written over its grade, such as 特定秘密(極秘): read as the grade");

  private final Severity severity;
  private final String message;

  DiagnosticCode(Severity severity, String message) {
    this.severity = Objects.requireNonNull(severity, "severity");
    this.message = Objects.requireNonNull(message, "message");
  }

  /** The stable string code, as in JSON and messages; equal to the constant's name. */
  public String code() {
    return name();
  }

  public Severity severity() {
    return severity;
  }

  /** What the finding means in general; a diagnostic's own message is specific to the input. */
  public String message() {
    return message;
  }

  /** A finding of this kind at {@code index}, with a message that quotes the token there. */
  Diagnostic at(int index, String specificMessage) {
    return new Diagnostic(severity, code(), index, specificMessage);
  }
}
