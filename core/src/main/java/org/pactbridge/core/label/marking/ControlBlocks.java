package org.pactbridge.core.label.marking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pactbridge.core.label.Compartment;
import org.pactbridge.core.label.Control;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.label.marking.MarkingLexer.Piece;
import org.pactbridge.core.label.marking.Reading.Category;
import org.pactbridge.core.label.marking.Reading.Entry;
import org.pactbridge.core.party.PartyCode;

/**
 * The blocks after the classification, in the CAPCO vocabulary whatever the classification's family:
 * SCI controls, SAR programs, AEA markings and NATO categories, FGI with its sources, dissemination
 * controls with NOFORN and REL TO, and non-IC dissemination controls. Each entry is recorded in the
 * {@link Reading} with its position, for {@link MarkingRules}; what cannot be read is reported and
 * skipped, so that every finding is reported. One instance per reading; cost linear in the blocks'
 * length (a REL TO list is checked for duplicates entry by entry).
 */
final class ControlBlocks {
  private static final Pattern SIGMA = Pattern.compile("(RD|FRD)-(SIGMA|SG) ([0-9]{1,2})");
  /** Declassification instructions: 25X1, 50X1-HUM, a date (20351231), OADR, MR, DECL ON …. */
  private static final Pattern DECLASSIFICATION =
      Pattern.compile("[0-9]+X[0-9A-Z-]*|[0-9]{8}|OADR|MR|DECL(ASSIFY)?( ON)?:?( .*)?");
  /** Retired dissemination controls and what became of them. */
  private static final Map<String, String> RETIRED_DISSEM = Map.of(
      "NOCONTRACT", "retired from the register; contractor access follows ORCON or the originator's release",
      "WNINTEL", "retired from the register; no replacement");
  /** Retired SCI control systems that became one control of today's register. */
  private static final Map<String, String> RENAMED_SCI = Map.of("GAMMA", "SI-G", "ENDSEAL", "EL");
  private static final String SAR = "SAR-";
  private static final String SAR_LONG = "SPECIAL ACCESS REQUIRED-";
  private static final String REL_TO = "REL TO";

  /** The words an unknown token may be a slip of: controls and AEA markings in both forms, NOFORN. */
  private static final List<String> KNOWN_WORDS = knownWords();

  private final Reading reading;
  /** The block being read, as the index where it starts: entries of one block share it. */
  private int block;
  /** The block being read, for fixes that remove an entry with its separator. */
  private Piece current;

  ControlBlocks(Reading reading) {
    this.reading = reading;
  }

  void read(List<Piece> blocks) {
    for (Piece written : blocks) {
      Piece piece = reading.stripped(written);
      block = piece.index();
      current = piece;
      if (piece.text().isEmpty()) {
        reading.report(DiagnosticCode.EMPTY_BLOCK, piece.index(), "expected a control block after '//', found "
            + reading.describeAt(piece.index()), Reading.replace(piece.index() - 2, 2, ""));
      } else if (piece.text().startsWith(SAR) || piece.text().startsWith(SAR_LONG)) {
        readSar(piece);
      } else {
        for (Piece entry : MarkingLexer.entries(piece)) {
          readEntry(entry);
        }
      }
    }
  }

  private void readSar(Piece piece) {
    boolean longForm = piece.text().startsWith(SAR_LONG);
    int prefix = longForm ? SAR_LONG.length() : SAR.length();
    if (longForm && reading.portion) {
      reading.report(DiagnosticCode.PORTION_USES_BANNER_FORM, piece.index(),
          "portion mark uses the banner form 'SPECIAL ACCESS REQUIRED-'; write 'SAR-'",
          Reading.replace(piece.index(), SAR_LONG.length(), SAR));
    }
    for (Piece program : MarkingLexer.split(piece.text(), prefix, piece.text().length(), "/")) {
      int index = piece.index() + program.index();
      if (!MarkingLexer.isIdentifierText(program.text())) {
        reading.report(DiagnosticCode.MALFORMED_SAR, index, "expected a SAR program identifier (capital letters, digits, "
            + "'-' and single blanks), found " + MarkingLexer.quoted(program.text()));
        continue;
      }
      // a portion's canonical form is SAR- (the warning above), so the long form is kept for banners only
      addCompartment(new Compartment(Compartment.Kind.SAR, program.text(), longForm && !reading.portion), piece.index(), null);
      reading.entries.add(new Entry(Category.SAR, 0, program.text(), index, block));
    }
  }

  private void readEntry(Piece written) {
    Piece piece = reading.stripped(written);
    String token = piece.text();
    int index = piece.index();
    if (token.isEmpty()) {
      reading.report(DiagnosticCode.EMPTY_ENTRY, index, "expected a marking token, found " + reading.describeAt(index),
          index == current.index() ? Reading.replace(index, 1, "") : Reading.replace(index - 1, 1, ""));
    } else if (token.equals(REL_TO) || token.startsWith(REL_TO + " ")) {
      readRelTo(piece);
    } else if (token.equals("NOFORN") || token.equals("NF")) {
      readNoforn(token, index);
    } else if (!readControl(token, index)) {
      if (token.equals("EYES") || token.endsWith("EYES ONLY")) {
        reading.report(DiagnosticCode.RETIRED_MARKING, index, "'" + token + "' is retired (write REL TO with the same parties)");
      } else if (RETIRED_DISSEM.containsKey(token)) {
        reading.report(DiagnosticCode.RETIRED_MARKING, index, "'" + token + "' is " + RETIRED_DISSEM.get(token));
      } else if (!readAea(token, index)) {
        readOther(piece);
      }
    }
  }

  private void readNoforn(String token, int index) {
    reading.checkForm(token, "NOFORN", "NF", index);
    if (reading.noforn) {
      reading.report(DiagnosticCode.DUPLICATE_ENTRY, index, "'" + token + "' is given twice", removeEntry(token, index));
    }
    reading.noforn = true;
    reading.nofornIndex = index;
    reading.entries.add(new Entry(Category.DISSEM, Capco.NOFORN_KEY, token, index, block));
  }

  /** A dissemination or non-IC control, in banner or portion form; false when the token is none. */
  private boolean readControl(String token, int index) {
    Optional<Control> control = Control.findBanner(token).or(() -> Control.findPortion(token));
    if (control.isEmpty()) {
      return false;
    }
    Control found = control.get();
    reading.checkForm(token, found.bannerForm(), found.portionForm(), index);
    if (reading.controls.contains(found)) {
      reading.report(DiagnosticCode.DUPLICATE_ENTRY, index, "'" + token + "' is given twice", removeEntry(token, index));
    } else {
      reading.controls.add(found);
      reading.controlIndexes.add(index);
    }
    Category category = found.block() == Control.Block.DISSEM ? Category.DISSEM : Category.NON_IC;
    reading.entries.add(new Entry(category, Capco.dissemKey(found), token, index, block));
    return true;
  }

  /** An AEA marking or NATO category, RD-SIGMA and FRD-SIGMA with their number; false when the token is none. */
  private boolean readAea(String token, int index) {
    Matcher sigma = token.startsWith("RD-") || token.startsWith("FRD-") ? SIGMA.matcher(token) : null;
    if (sigma != null && sigma.matches()) {
      String banner = sigma.group(1) + "-SIGMA " + sigma.group(3);
      reading.checkForm(token, banner, sigma.group(1) + "-SG " + sigma.group(3), index);
      addCompartment(Compartment.of(Compartment.Kind.AEA, banner), index, token);
      reading.entries.add(new Entry(Category.AEA, Compartment.aeaRank(banner), token, index, block));
      return true;
    }
    Optional<Capco.Aea> aea = Capco.aea(token);
    if (aea.isEmpty()) {
      return false;
    }
    reading.checkForm(token, aea.get().banner(), aea.get().portion(), index);
    addCompartment(Compartment.of(Compartment.Kind.AEA, aea.get().banner()), index, token);
    reading.entries.add(new Entry(Category.AEA, Compartment.aeaRank(aea.get().banner()), token, index, block));
    return true;
  }

  /** SCI, FGI, and the known but unusable forms; anything else is an unknown token. */
  private void readOther(Piece piece) {
    String token = piece.text();
    int index = piece.index();
    if (token.equals("CNWDI")) {
      reading.report(DiagnosticCode.CNWDI_WITHOUT_RD, index, "'CNWDI' is written with RD: RD-CNWDI in a banner, RD-N in a portion",
          Reading.replace(index, token.length(), reading.portion ? "RD-N" : "RD-CNWDI"));
      return;
    }
    String head = MarkingLexer.head(token);
    if (Capco.SCI_SYSTEMS.contains(head)) {
      readSci(piece, head);
      return;
    }
    String retired = Capco.RETIRED_SCI.get(head);
    if (retired != null) {
      String renamed = RENAMED_SCI.get(head);
      reading.report(DiagnosticCode.RETIRED_MARKING, index, "retired SCI control '" + head + "' (" + retired + ")",
          renamed == null || !token.equals(head) ? null : Reading.replace(index, token.length(), renamed));
    } else if (token.equals("FGI") || token.startsWith("FGI ")) {
      readFgi(piece);
    } else if (DECLASSIFICATION.matcher(token).matches()) {
      reading.report(DiagnosticCode.DECLASSIFICATION_IN_MARKING, index, "'" + token + "' is a declassification instruction: "
          + "it belongs in the classification authority block, not in the marking", removeEntry(token, index));
    } else if (Capco.usWord(token).isPresent() || Capco.natoWord(token).isPresent() || Capco.LEGACY_NATO.containsKey(token)) {
      reading.report(DiagnosticCode.SECOND_CLASSIFICATION, index, "'" + token + "' is a classification; a marking has one "
          + "classification, at its start");
    } else {
      reading.report(DiagnosticCode.UNKNOWN_TOKEN, index, "unknown marking token '" + token + "' (expected an SCI control "
          + "such as SI or TK, a SAR, an AEA marking such as RD, FGI, or a dissemination control such as NOFORN, ORCON or REL TO)",
          MarkingLexer.misspelt(token, KNOWN_WORDS).map(word -> Reading.replace(index, token.length(), word)).orElse(null));
    }
  }

  private void readSci(Piece piece, String head) {
    String token = piece.text();
    int index = piece.index();
    if (!MarkingLexer.isIdentifierText(token)) {
      reading.report(DiagnosticCode.MALFORMED_SCI, index, "expected an SCI control (capital letters, digits, '-' and single "
          + "blanks), found " + MarkingLexer.quoted(token));
      return;
    }
    List<Piece> segments = MarkingLexer.split(token, 0, token.length(), "-");
    if (!segments.get(0).text().equals(head)) {
      reading.report(DiagnosticCode.MALFORMED_SCI, index, "expected '-' and a compartment after SCI control " + head
          + ", found " + MarkingLexer.quoted(token));
      return;
    }
    for (Piece segment : segments) {
      if (segment.text().isEmpty()) {
        reading.report(DiagnosticCode.MALFORMED_SCI, index + segment.index(), "expected a compartment after '-' in "
            + MarkingLexer.quoted(token) + ", found nothing");
        return;
      }
    }
    if (head.equals("RSV") && segments.size() == 1) {
      reading.report(DiagnosticCode.COMPARTMENT_REQUIRED, index, "'RSV' needs a compartment (RSV-XXX)");
      return;
    }
    for (int i = 1; i < segments.size(); i++) {
      String compartment = MarkingLexer.head(segments.get(i).text());
      if (head.equals("HCS") && !compartment.equals("O") && !compartment.equals("P")) {
        reading.report(DiagnosticCode.UNKNOWN_COMPARTMENT, index + segments.get(i).index(), "unknown HCS compartment '"
            + compartment + "' (expected O or P)");
        return;
      }
    }
    String canonical = canonicalSci(segments);
    if (!canonical.equals(token)) {
      reading.report(DiagnosticCode.NON_CANONICAL_ORDER, index, "SCI compartments or sub-compartments of "
          + MarkingLexer.quoted(token) + " out of order (write " + canonical + ": compartments and sub-compartments "
          + "alphanumerically)", Reading.replace(index, token.length(), canonical));
    }
    addCompartment(Compartment.of(Compartment.Kind.SCI, canonical), index, token);
    reading.entries.add(new Entry(Category.SCI, 0, canonical, index, block));
  }

  /** {@code SYSTEM-COMPARTMENT SUB SUB-COMPARTMENT}: compartments, and the sub-compartments of each, sorted. */
  private static String canonicalSci(List<Piece> segments) {
    List<String> compartments = new ArrayList<>();
    for (int i = 1; i < segments.size(); i++) {
      List<String> words = new ArrayList<>(List.of(segments.get(i).text().split(" ")));
      List<String> subs = new ArrayList<>(words.subList(1, words.size()));
      subs.sort(null);
      compartments.add(words.get(0) + (subs.isEmpty() ? "" : " " + String.join(" ", subs)));
    }
    compartments.sort(null);
    StringBuilder out = new StringBuilder(segments.get(0).text());
    for (String compartment : compartments) {
      out.append('-').append(compartment);
    }
    return out.toString();
  }

  /**
   * The fix that deletes an entry with one separator: the block's {@code //} when the entry is the whole
   * block, else the {@code /} before it (or after it, for a block's first entry).
   */
  private Reading.Fix removeEntry(String token, int index) {
    if (current.text().equals(token) && current.index() == index) {
      return Reading.replace(index - 2, token.length() + 2, "");
    }
    if (index == current.index()) {
      return Reading.replace(index, token.length() + 1, "");
    }
    return Reading.replace(index - 1, token.length() + 1, "");
  }

  private void readRelTo(Piece piece) {
    int listStart = REL_TO.length() + 1;
    if (piece.text().length() <= listStart) {
      reading.report(DiagnosticCode.EMPTY_REL_TO, piece.index() + piece.text().length(),
          "expected a party or community after 'REL TO', found end of block");
      return;
    }
    if (reading.relTo != null || reading.noforn) {
      reading.report(DiagnosticCode.CONFLICTING_RELEASABILITY, piece.index(), "'REL TO' given "
          + (reading.noforn ? "with NOFORN" : "twice") + ": an item is either NOFORN or releasable to one list");
      return;
    }
    List<String> list = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    boolean ok = true;
    boolean first = true;
    for (Piece item : MarkingLexer.split(piece.text(), listStart, piece.text().length(), ",")) {
      String raw = item.text();
      int lead = 0;
      while (lead < raw.length() && raw.charAt(lead) == ' ') {
        lead++;
      }
      String name = raw.strip();
      int index = piece.index() + item.index() + lead;
      String spaced = (first ? "" : " ") + name;
      if (!name.isEmpty() && !raw.equals(spaced)) {
        reading.report(DiagnosticCode.NON_CANONICAL_SEPARATOR, index, "REL TO entries are separated by a comma and one "
            + "blank: " + MarkingLexer.quoted(name), Reading.replace(piece.index() + item.index(), raw.length(), spaced));
      }
      first = false;
      if (name.isEmpty()) {
        reading.report(DiagnosticCode.EMPTY_ENTRY, index, "expected a party or community in REL TO, found "
            + reading.describeAt(index));
        ok = false;
      } else if (!isReleasabilityTarget(name)) {
        reading.report(DiagnosticCode.UNKNOWN_RELEASABILITY_ENTRY, index, "unknown party or community '" + name
            + "' in REL TO (expected a known party code such as GBR, or a community such as NATO or FVEY)");
        ok = false;
      } else if (list.contains(name)) {
        reading.report(DiagnosticCode.DUPLICATE_ENTRY, index, "'" + name + "' is listed twice in REL TO");
      } else {
        list.add(name);
        indexes.add(index);
      }
    }
    reading.entries.add(new Entry(Category.DISSEM, Capco.REL_TO_KEY, REL_TO, piece.index(), block));
    if (!ok || list.isEmpty()) {
      reading.relTo = List.of();
      return;
    }
    List<String> sorted = new ArrayList<>(list);
    sorted.sort(Releasability.CANONICAL_ORDER);
    for (int i = 0; i < list.size(); i++) {
      if (!list.get(i).equals(sorted.get(i))) {
        reading.report(DiagnosticCode.NON_CANONICAL_ORDER, indexes.get(i), "REL TO list out of order at '" + list.get(i)
            + "' (write USA first, then trigraphs alphabetically, then tetragraphs: REL TO " + String.join(", ", sorted) + ")",
            Reading.replace(piece.index() + listStart, piece.text().length() - listStart, String.join(", ", sorted)));
        break;
      }
    }
    reading.relTo = list;
    reading.relToIndex = indexes.get(0);
    reading.relToListLength = piece.index() + piece.text().length() - indexes.get(0);
  }

  private void readFgi(Piece piece) {
    reading.fgi = true;
    reading.entries.add(new Entry(Category.FGI, 0, "FGI", piece.index(), block));
    if (piece.text().equals("FGI")) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (Piece source : MarkingLexer.split(piece.text(), "FGI ".length(), piece.text().length(), " ")) {
      int index = piece.index() + source.index();
      if (!isReleasabilityTarget(source.text())) {
        reading.report(DiagnosticCode.UNKNOWN_FGI_SOURCE, index, "unknown party or community '" + source.text() + "' after FGI");
        continue;
      }
      names.add(source.text());
    }
    List<String> sorted = new ArrayList<>(names);
    sorted.sort(Releasability.CANONICAL_ORDER);
    if (!sorted.equals(names)) {
      // the block rewritten in order is the fix only when every source was known (none was dropped above)
      boolean allKnown = names.size() == piece.text().split(" ").length - 1;
      reading.report(DiagnosticCode.NON_CANONICAL_ORDER, piece.index(), "FGI sources out of order (write FGI "
          + String.join(" ", sorted) + ")", allKnown ? Reading.replace(piece.index(), piece.text().length(), "FGI "
              + String.join(" ", sorted)) : null);
    }
    reading.fgiSources.addAll(names);
  }

  private boolean isReleasabilityTarget(String name) {
    if (reading.directory.findCommunity(name).isPresent()) {
      return true;
    }
    return MarkingLexer.isPartyLike(name) && reading.directory.findParty(PartyCode.of(name)).isPresent();
  }

  private static List<String> knownWords() {
    List<String> words = new ArrayList<>(List.of("NOFORN"));
    for (Control control : Control.values()) {
      words.add(control.bannerForm());
      words.add(control.portionForm());
    }
    for (Capco.Aea aea : Capco.AEA) {
      words.add(aea.banner());
      words.add(aea.portion());
    }
    return List.copyOf(words);
  }

  /** Records a compartment; a repeat is reported, with a fix removing it when its {@code token} is known. */
  private void addCompartment(Compartment compartment, int index, String token) {
    if (reading.compartments.contains(compartment)) {
      reading.report(DiagnosticCode.DUPLICATE_ENTRY, index, "'" + compartment.value() + "' is given twice",
          token == null ? null : removeEntry(token, index));
      return;
    }
    reading.compartments.add(compartment);
    reading.compartmentIndexes.add(index);
  }
}
