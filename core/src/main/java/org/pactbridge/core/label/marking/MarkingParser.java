package org.pactbridge.core.label.marking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pactbridge.core.label.Compartment;
import org.pactbridge.core.label.Control;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;

/**
 * Reads banner and portion markings in the CAPCO style, and Korean and Japanese native markings, into
 * a {@link SecurityLabel}. Parties, levels and communities are resolved through a
 * {@link PartyDirectory}; the CAPCO vocabulary (controls, SCI, SAR, AEA) is built in.
 *
 * <p>Strict: an unknown classification, party, level, community or control is an error that names the
 * token and its 0-based index; a form that is understood but not canonical (a portion abbreviation in a
 * banner, a REL TO list out of order) is a warning. Every finding is reported, not just the first.
 *
 * <p>Immutable and thread-safe. Cost: linear in the marking's length, one hash look-up per token;
 * a typical banner reads in well under a microsecond.
 */
public final class MarkingParser {
  private static final Pattern SIGMA = Pattern.compile("(RD|FRD)-(SIGMA|SG) ([0-9]{1,2})");
  private static final Pattern DECLASSIFICATION = Pattern.compile("[0-9]+X[0-9A-Z-]*");

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
    return new Reading(text, at).run();
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

  /** Categories in marking order. */
  private enum Category {
    SCI,
    SAR,
    AEA,
    FGI,
    DISSEM,
    NON_IC
  }

  /** A recognised entry, for the order checks. */
  private record Entry(Category category, int key, String text, int index, int block) {}

  /** A piece of the input with its absolute position. */
  private record Piece(String text, int index) {}

  /** One reading of one marking; not shared. */
  private final class Reading {
    private final String text;
    private final Instant at;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private boolean portion;
    private Level level;
    private int classificationIndex;
    private String classificationToken = "";
    private final List<PartyCode> originators = new ArrayList<>();
    private boolean joint;
    private final List<Control> controls = new ArrayList<>();
    private final List<Integer> controlIndexes = new ArrayList<>();
    private final List<Compartment> compartments = new ArrayList<>();
    private final List<Integer> compartmentIndexes = new ArrayList<>();
    private boolean noforn;
    private int nofornIndex = -1;
    private List<String> relTo;
    private int relToIndex = -1;
    private boolean fgi;
    private final List<String> fgiSources = new ArrayList<>();
    private int block;

    Reading(String text, Instant at) {
      this.text = text;
      this.at = at;
    }

    ParsedMarking run() {
      if (text.isBlank()) {
        error("EMPTY_MARKING", 0, "expected a classification, found " + (text.isEmpty() ? "end of input" : "only blanks"));
        return finish();
      }
      int start = 0;
      int end = text.length();
      if (text.charAt(0) == '(') {
        portion = true;
        start = 1;
        if (text.length() < 2 || text.charAt(text.length() - 1) != ')') {
          error("UNBALANCED_PARENTHESIS", text.length(), "expected ')' to close the portion mark opened at index 0, found end of input");
        } else {
          end = text.length() - 1;
        }
      }
      List<Piece> blocks = split(text, start, end, "//");
      int next;
      if (blocks.get(0).text().isEmpty() && blocks.size() > 1) {
        readForeign(blocks.get(1));
        next = 2;
      } else {
        readDomestic(blocks.get(0));
        next = 1;
      }
      for (int i = next; i < blocks.size(); i++) {
        block = i;
        Piece piece = blocks.get(i);
        if (piece.text().isEmpty()) {
          error("EMPTY_BLOCK", piece.index(), "expected a control block after '//', found " + describeAt(piece.index()));
        } else {
          readBlock(piece);
        }
      }
      checkRules();
      checkOrder();
      return finish();
    }

    private ParsedMarking finish() {
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

    // ---- classification ------------------------------------------------------------------

    private void readDomestic(Piece piece) {
      String token = piece.text();
      classificationIndex = piece.index();
      classificationToken = token;
      Optional<Capco.Word> word = Capco.usWord(token);
      if (word.isPresent() && !word.get().code().equals("RESTRICTED")) {
        checkForm(token, word.get().banner(), word.get().portion(), piece.index());
        resolveByCode(Capco.USA, word.get().code(), token, piece.index());
        originators.add(Capco.USA);
        return;
      }
      if (!isAscii(token)) {
        for (PartyCode code : directory.nativeMarkingParties()) {
          Optional<Party> party = directory.findParty(code);
          Optional<Level> found = party.flatMap(p -> findLevel(p, token));
          if (found.isPresent()) {
            level = found.get();
            originators.add(code);
            return;
          }
        }
        error("UNKNOWN_CLASSIFICATION", piece.index(), "unknown native marking '" + token + "' (expected a level of "
            + directory.nativeMarkingParties() + " in its native script, such as 군사 Ⅱ급비밀 or 極秘)");
        return;
      }
      if (token.isEmpty()) {
        error("UNKNOWN_CLASSIFICATION", piece.index(), "expected a classification, found " + describeAt(piece.index()));
        return;
      }
      error("UNKNOWN_CLASSIFICATION", piece.index(), "unknown classification '" + token + "' (expected a US classification: "
          + "TOP SECRET, SECRET, CONFIDENTIAL, UNCLASSIFIED, or TS, S, C, U in a portion; '//' and a NATO, JOINT or "
          + "other party's classification; or a Korean or Japanese native marking)");
    }

    private void readForeign(Piece piece) {
      String token = piece.text();
      int index = piece.index();
      classificationIndex = index;
      classificationToken = token;
      if (token.isEmpty()) {
        error("UNKNOWN_CLASSIFICATION", index, "expected a non-US classification after '//', found " + describeAt(index));
        return;
      }
      String legacy = Capco.LEGACY_NATO.get(token);
      if (legacy != null) {
        error("LEGACY_NATO_MARKING", index, "retired NATO compound '" + token + "' (write " + legacy + ")");
        return;
      }
      Optional<Capco.Word> nato = Capco.natoWord(token);
      if (nato.isPresent()) {
        checkForm(token, nato.get().banner(), nato.get().portion(), index);
        resolveByCode(Capco.NATO, nato.get().code(), token, index);
        originators.add(Capco.NATO);
        return;
      }
      if (token.startsWith("JOINT ")) {
        readJoint(token, index);
        return;
      }
      int space = token.indexOf(' ');
      if (space <= 0 || space == token.length() - 1) {
        error("UNKNOWN_CLASSIFICATION", index, "unknown classification '" + token + "' after '//' (expected a NATO "
            + "classification such as NATO SECRET or NS, JOINT with a level and parties, or a party code and a level such as KOR II)");
        return;
      }
      String partyToken = token.substring(0, space);
      Optional<Party> party = requireParty(partyToken, index);
      if (party.isEmpty()) {
        return;
      }
      String levelToken = token.substring(space + 1);
      int levelIndex = index + space + 1;
      Optional<Level> found = findLevel(party.get(), levelToken);
      if (found.isEmpty()) {
        unknownLevel(party.get(), levelToken, levelIndex);
        return;
      }
      level = found.get();
      originators.add(party.get().code());
      if (party.get().code().equals(Capco.USA) || (party.get().code().equals(Capco.NATO)
          && Capco.wordForCode(Capco.NATO_WORDS, level.code()).isPresent())) {
        warning("NON_CANONICAL_FORM", index, "'" + token + "' names the party of a "
            + party.get().code() + " classification; write " + MarkingFormatter.format(SecurityLabel.builder(level).build(),
                portion ? MarkingForm.PORTION : MarkingForm.BANNER).replace("(", "").replace(")", ""));
      }
    }

    private void readJoint(String token, int index) {
      List<Piece> words = split(token, "JOINT ".length(), token.length(), " ");
      for (Piece word : words) {
        if (word.text().isEmpty()) {
          error("MALFORMED_JOINT", index + word.index(), "expected one blank between the words of a JOINT classification, found two");
          return;
        }
      }
      int firstParty = words.size();
      while (firstParty > 1 && isPartyLike(words.get(firstParty - 1).text())) {
        firstParty--;
      }
      List<Piece> partyPieces = words.subList(firstParty, words.size());
      StringBuilder levelWord = new StringBuilder();
      for (int i = 0; i < firstParty; i++) {
        levelWord.append(i == 0 ? "" : " ").append(words.get(i).text());
      }
      int levelIndex = index + words.get(0).index();
      if (partyPieces.size() < 2) {
        error("MALFORMED_JOINT", index, "JOINT '" + token + "' needs a level and at least two party codes, such as JOINT SECRET USA GBR");
        return;
      }
      List<PartyCode> parties = new ArrayList<>();
      boolean known = true;
      for (Piece piece : partyPieces) {
        Optional<Party> party = requireParty(piece.text(), index + piece.index());
        if (party.isEmpty()) {
          known = false;
        } else if (parties.contains(party.get().code())) {
          warning("DUPLICATE_ENTRY", index + piece.index(), "party " + piece.text() + " is listed twice in JOINT");
        } else {
          parties.add(party.get().code());
        }
      }
      if (!known) {
        return;
      }
      List<PartyCode> sorted = new ArrayList<>(parties);
      sorted.sort((a, b) -> Releasability.CANONICAL_ORDER.compare(a.value(), b.value()));
      for (int i = 0; i < parties.size(); i++) {
        if (!parties.get(i).equals(sorted.get(i))) {
          warning("NON_CANONICAL_ORDER", index + partyPieces.get(i).index(), "JOINT parties out of order at '"
              + parties.get(i) + "' (write USA first, then trigraphs alphabetically, then tetragraphs: "
              + String.join(" ", sorted.stream().map(PartyCode::value).toList()) + ")");
          break;
        }
      }
      PartyCode primary = sorted.get(0);
      String word = levelWord.toString();
      Optional<Capco.Word> us = Capco.usWord(word);
      us.ifPresent(w -> checkForm(word, w.banner(), w.portion(), levelIndex));
      Optional<Party> party = directory.findParty(primary);
      Optional<Level> found = party.flatMap(p -> primary.equals(Capco.USA) && us.isPresent()
          ? findLevel(p, us.get().code()) : findLevel(p, word));
      if (found.isEmpty()) {
        party.ifPresent(p -> unknownLevel(p, word, levelIndex));
        return;
      }
      level = found.get();
      originators.addAll(parties);
      joint = true;
    }

    private void resolveByCode(PartyCode code, String levelCode, String token, int index) {
      Optional<Party> party = directory.findParty(code);
      if (party.isEmpty()) {
        error("UNKNOWN_PARTY", index, "classification '" + token + "' belongs to " + code + ", which the registry does not know");
        return;
      }
      Optional<Level> found = findLevel(party.get(), levelCode);
      if (found.isEmpty()) {
        unknownLevel(party.get(), token, index);
        return;
      }
      level = found.get();
    }

    private Optional<Level> findLevel(Party party, String token) {
      Optional<Level> found = at == null ? party.findLevelInAnyVersion(token) : party.findLevel(token, at);
      if (found.isEmpty()) {
        Optional<Capco.Word> word = Capco.usWord(token);
        if (word.isPresent() && !word.get().banner().equals(token)) {
          found = at == null ? party.findLevelInAnyVersion(word.get().banner()) : party.findLevel(word.get().banner(), at);
        }
      }
      return found;
    }

    private void unknownLevel(Party party, String token, int index) {
      String scheme = at == null ? party.schemes().get(party.schemes().size() - 1).codesForMessage()
          : party.schemeAt(at).codesForMessage();
      error("UNKNOWN_LEVEL", index, "unknown level '" + token + "' for party " + party.code()
          + (at == null ? "" : " at " + at) + " (known: " + scheme + ")");
    }

    private Optional<Party> requireParty(String token, int index) {
      if (isPartyLike(token)) {
        Optional<Party> party = directory.findParty(PartyCode.of(token));
        if (party.isPresent()) {
          return party;
        }
      }
      error("UNKNOWN_PARTY", index, "unknown party '" + token + "' (expected a known ISO 3166 alpha-3 code such as KOR, or NATO)");
      return Optional.empty();
    }

    // ---- control blocks ------------------------------------------------------------------

    private void readBlock(Piece piece) {
      String token = piece.text();
      if (token.startsWith("SAR-") || token.startsWith("SPECIAL ACCESS REQUIRED-")) {
        readSar(piece);
        return;
      }
      for (Piece entry : split(token, 0, token.length(), "/")) {
        readEntry(new Piece(entry.text(), piece.index() + entry.index()));
      }
    }

    private void readSar(Piece piece) {
      boolean longForm = piece.text().startsWith("SPECIAL ACCESS REQUIRED-");
      int prefix = longForm ? "SPECIAL ACCESS REQUIRED-".length() : "SAR-".length();
      if (longForm && portion) {
        warning("PORTION_USES_BANNER_FORM", piece.index(), "portion mark uses the banner form 'SPECIAL ACCESS REQUIRED-'; write 'SAR-'");
      }
      for (Piece program : split(piece.text(), prefix, piece.text().length(), "/")) {
        int index = piece.index() + program.index();
        if (!isIdentifierText(program.text())) {
          error("MALFORMED_SAR", index, "expected a SAR program identifier (capital letters, digits, '-' and single blanks), found "
              + quoted(program.text()));
          continue;
        }
        addCompartment(new Compartment(Compartment.Kind.SAR, program.text(), longForm), piece.index());
        entries.add(new Entry(Category.SAR, 0, program.text(), index, block));
      }
    }

    private void readEntry(Piece piece) {
      String token = piece.text();
      int index = piece.index();
      if (token.isEmpty()) {
        error("EMPTY_ENTRY", index, "expected a marking token, found " + describeAt(index));
        return;
      }
      if (token.equals("REL TO") || token.startsWith("REL TO ")) {
        readRelTo(piece);
        return;
      }
      if (token.equals("NOFORN") || token.equals("NF")) {
        checkForm(token, "NOFORN", "NF", index);
        if (noforn) {
          warning("DUPLICATE_ENTRY", index, "'" + token + "' is given twice");
        }
        noforn = true;
        nofornIndex = index;
        entries.add(new Entry(Category.DISSEM, Capco.NOFORN_KEY, token, index, block));
        return;
      }
      Optional<Control> control = Control.findBanner(token).or(() -> Control.findPortion(token));
      if (control.isPresent()) {
        Control found = control.get();
        checkForm(token, found.bannerForm(), found.portionForm(), index);
        if (controls.contains(found)) {
          warning("DUPLICATE_ENTRY", index, "'" + token + "' is given twice");
        } else {
          controls.add(found);
          controlIndexes.add(index);
        }
        Category category = found.block() == Control.Block.DISSEM ? Category.DISSEM : Category.NON_IC;
        entries.add(new Entry(category, Capco.dissemKey(found), token, index, block));
        return;
      }
      if (token.equals("EYES") || token.endsWith("EYES ONLY")) {
        error("RETIRED_MARKING", index, "'" + token + "' is retired (write REL TO with the same parties)");
        return;
      }
      Matcher sigma = token.startsWith("RD-") || token.startsWith("FRD-") ? SIGMA.matcher(token) : null;
      if (sigma != null && sigma.matches()) {
        String banner = sigma.group(1) + "-SIGMA " + sigma.group(3);
        checkForm(token, banner, sigma.group(1) + "-SG " + sigma.group(3), index);
        addCompartment(Compartment.of(Compartment.Kind.AEA, banner), index);
        entries.add(new Entry(Category.AEA, Compartment.aeaRank(banner), token, index, block));
        return;
      }
      Optional<Capco.Aea> aea = Capco.aea(token);
      if (aea.isPresent()) {
        checkForm(token, aea.get().banner(), aea.get().portion(), index);
        addCompartment(Compartment.of(Compartment.Kind.AEA, aea.get().banner()), index);
        entries.add(new Entry(Category.AEA, Compartment.aeaRank(aea.get().banner()), token, index, block));
        return;
      }
      if (token.equals("CNWDI")) {
        error("CNWDI_WITHOUT_RD", index, "'CNWDI' is written with RD: RD-CNWDI in a banner, RD-N in a portion");
        return;
      }
      String head = head(token);
      if (Capco.SCI_SYSTEMS.contains(head)) {
        readSci(piece, head);
        return;
      }
      String retired = Capco.RETIRED_SCI.get(head);
      if (retired != null) {
        error("RETIRED_MARKING", index, "retired SCI control '" + head + "' (" + retired + ")");
        return;
      }
      if (token.equals("FGI") || token.startsWith("FGI ")) {
        readFgi(piece);
        return;
      }
      if (DECLASSIFICATION.matcher(token).matches()) {
        error("DECLASSIFICATION_IN_MARKING", index, "'" + token + "' is a declassification instruction: it belongs in the "
            + "classification authority block, not in the marking");
        return;
      }
      if (Capco.usWord(token).isPresent() || Capco.natoWord(token).isPresent() || Capco.LEGACY_NATO.containsKey(token)) {
        error("SECOND_CLASSIFICATION", index, "'" + token + "' is a classification; a marking has one classification, at its start");
        return;
      }
      error("UNKNOWN_TOKEN", index, "unknown marking token '" + token + "' (expected an SCI control such as SI or TK, a SAR, "
          + "an AEA marking such as RD, FGI, or a dissemination control such as NOFORN, ORCON or REL TO)");
    }

    private void readSci(Piece piece, String head) {
      String token = piece.text();
      int index = piece.index();
      if (!isIdentifierText(token)) {
        error("MALFORMED_SCI", index, "expected an SCI control (capital letters, digits, '-' and single blanks), found " + quoted(token));
        return;
      }
      List<Piece> segments = split(token, 0, token.length(), "-");
      if (!segments.get(0).text().equals(head)) {
        error("MALFORMED_SCI", index, "expected '-' and a compartment after SCI control " + head + ", found " + quoted(token));
        return;
      }
      for (Piece segment : segments) {
        if (segment.text().isEmpty()) {
          error("MALFORMED_SCI", index + segment.index(), "expected a compartment after '-' in " + quoted(token) + ", found nothing");
          return;
        }
      }
      if (head.equals("RSV") && segments.size() == 1) {
        error("COMPARTMENT_REQUIRED", index, "'RSV' needs a compartment (RSV-XXX)");
        return;
      }
      for (int i = 1; i < segments.size(); i++) {
        String compartment = head(segments.get(i).text());
        if (head.equals("HCS") && !compartment.equals("O") && !compartment.equals("P")) {
          error("UNKNOWN_COMPARTMENT", index + segments.get(i).index(), "unknown HCS compartment '" + compartment + "' (expected O or P)");
          return;
        }
      }
      addCompartment(Compartment.of(Compartment.Kind.SCI, token), index);
      entries.add(new Entry(Category.SCI, 0, token, index, block));
    }

    private void readRelTo(Piece piece) {
      int listStart = "REL TO ".length();
      if (piece.text().length() <= listStart) {
        error("EMPTY_REL_TO", piece.index() + piece.text().length(), "expected a party or community after 'REL TO', found end of block");
        return;
      }
      if (relTo != null || noforn) {
        error("CONFLICTING_RELEASABILITY", piece.index(), "'REL TO' given " + (noforn ? "with NOFORN" : "twice")
            + ": an item is either NOFORN or releasable to one list");
        return;
      }
      List<String> list = new ArrayList<>();
      List<Integer> indexes = new ArrayList<>();
      boolean ok = true;
      for (Piece item : split(piece.text(), listStart, piece.text().length(), ",")) {
        String raw = item.text();
        int lead = 0;
        while (lead < raw.length() && raw.charAt(lead) == ' ') {
          lead++;
        }
        String name = raw.strip();
        int index = piece.index() + item.index() + lead;
        if (name.isEmpty()) {
          error("EMPTY_ENTRY", index, "expected a party or community in REL TO, found " + describeAt(index));
          ok = false;
          continue;
        }
        if (!isReleasabilityTarget(name)) {
          error("UNKNOWN_RELEASABILITY_ENTRY", index, "unknown party or community '" + name + "' in REL TO (expected a known "
              + "party code such as GBR, or a community such as NATO or FVEY)");
          ok = false;
          continue;
        }
        if (list.contains(name)) {
          warning("DUPLICATE_ENTRY", index, "'" + name + "' is listed twice in REL TO");
          continue;
        }
        list.add(name);
        indexes.add(index);
      }
      entries.add(new Entry(Category.DISSEM, Capco.REL_TO_KEY, "REL TO", piece.index(), block));
      if (!ok || list.isEmpty()) {
        relTo = List.of();
        return;
      }
      List<String> sorted = new ArrayList<>(list);
      sorted.sort(Releasability.CANONICAL_ORDER);
      for (int i = 0; i < list.size(); i++) {
        if (!list.get(i).equals(sorted.get(i))) {
          warning("NON_CANONICAL_ORDER", indexes.get(i), "REL TO list out of order at '" + list.get(i)
              + "' (write USA first, then trigraphs alphabetically, then tetragraphs: REL TO " + String.join(", ", sorted) + ")");
          break;
        }
      }
      relTo = list;
      relToIndex = indexes.get(0);
    }

    private void readFgi(Piece piece) {
      fgi = true;
      entries.add(new Entry(Category.FGI, 0, "FGI", piece.index(), block));
      if (piece.text().equals("FGI")) {
        return;
      }
      List<String> names = new ArrayList<>();
      for (Piece source : split(piece.text(), "FGI ".length(), piece.text().length(), " ")) {
        int index = piece.index() + source.index();
        if (!isReleasabilityTarget(source.text())) {
          error("UNKNOWN_FGI_SOURCE", index, "unknown party or community '" + source.text() + "' after FGI");
          continue;
        }
        names.add(source.text());
      }
      List<String> sorted = new ArrayList<>(names);
      sorted.sort(Releasability.CANONICAL_ORDER);
      if (!sorted.equals(names)) {
        warning("NON_CANONICAL_ORDER", piece.index(), "FGI sources out of order (write FGI " + String.join(" ", sorted) + ")");
      }
      fgiSources.addAll(names);
    }

    private boolean isReleasabilityTarget(String name) {
      if (directory.findCommunity(name).isPresent()) {
        return true;
      }
      return isPartyLike(name) && directory.findParty(PartyCode.of(name)).isPresent();
    }

    private void addCompartment(Compartment compartment, int index) {
      if (compartments.contains(compartment)) {
        warning("DUPLICATE_ENTRY", index, "'" + compartment.value() + "' is given twice");
        return;
      }
      compartments.add(compartment);
      compartmentIndexes.add(index);
    }

    // ---- rules ---------------------------------------------------------------------------

    private void checkRules() {
      int tier = level == null ? Integer.MIN_VALUE : Capco.tier(level);
      for (int i = 0; i < controls.size(); i++) {
        Control control = controls.get(i);
        checkTier(control.form(portion), control.floor(), control.ceiling(), tier, controlIndexes.get(i));
      }
      boolean rd = false;
      int tfniIndex = -1;
      for (int i = 0; i < compartments.size(); i++) {
        Compartment compartment = compartments.get(i);
        int index = compartmentIndexes.get(i);
        String value = compartment.value();
        switch (compartment.kind()) {
          case SCI -> {
            checkTier(value, Capco.SCI_FLOOR, 4, tier, index);
            String system = compartment.system();
            if (system.equals("HCS")) {
              requireNoforn(value, index);
              if (hasCompartment(value, "O")) {
                requireOrcon(value, index);
              }
            }
            if (system.equals("SI") && hasCompartment(value, "G")) {
              requireOrcon(value, index);
            }
          }
          case SAR -> checkTier("SAR-" + value, Capco.SAR_FLOOR, 4, tier, index);
          case AEA -> {
            if (value.startsWith("RD-SIGMA") || value.startsWith("FRD-SIGMA")) {
              checkTier(value, Capco.SIGMA_FLOOR, 4, tier, index);
              requireNoforn(value, index);
              rd = true;
              continue;
            }
            Capco.Aea aea = Capco.aea(value).orElseThrow();
            int at = aea.nato() ? classificationIndex : index;
            checkTier(aea.banner(), aea.floor(), aea.ceiling(), tier, at);
            if (aea.requiresNoforn()) {
              requireNoforn(value, index);
              rd = true;
            }
            if (value.equals("TFNI")) {
              tfniIndex = index;
            }
          }
        }
      }
      if (rd && tfniIndex >= 0) {
        error("CONFLICTING_CONTROLS", tfniIndex, "'TFNI' is not used with RD or FRD: RD and FRD take precedence");
      }
      int nodis = indexOf(Control.NODIS);
      int exdis = indexOf(Control.EXDIS);
      if (nodis >= 0 && exdis >= 0) {
        error("CONFLICTING_CONTROLS", Math.min(nodis, exdis), "'" + Control.NODIS.form(portion) + "' and '"
            + Control.EXDIS.form(portion) + "' exclude each other");
      }
      if (noforn && relTo != null && nofornIndex > relToIndex && relToIndex >= 0) {
        error("CONFLICTING_RELEASABILITY", nofornIndex, "'NOFORN' given with REL TO: an item is either NOFORN or releasable to one list");
      }
      if (relTo != null && !relTo.isEmpty() && level != null) {
        for (PartyCode originator : originators) {
          if (!relTo.contains(originator.value())) {
            warning("REL_TO_MISSING_ORIGINATOR", relToIndex, "'REL TO " + String.join(", ", relTo)
                + "' does not name the originator " + originator + " (write REL TO " + originator + ", …)");
          }
        }
      }
    }

    private int indexOf(Control control) {
      int at = controls.indexOf(control);
      return at < 0 ? -1 : controlIndexes.get(at);
    }

    private boolean hasCompartment(String sci, String compartment) {
      List<Piece> segments = split(sci, 0, sci.length(), "-");
      for (int i = 1; i < segments.size(); i++) {
        if (head(segments.get(i).text()).equals(compartment)) {
          return true;
        }
      }
      return false;
    }

    private void requireNoforn(String token, int index) {
      if (!noforn) {
        error("REQUIRES_NOFORN", index, "'" + token + "' requires " + (portion ? "NF" : "NOFORN"));
      }
    }

    private void requireOrcon(String token, int index) {
      if (!controls.contains(Control.ORCON)) {
        error("REQUIRES_ORCON", index, "'" + token + "' requires " + (portion ? "OC" : "ORCON"));
      }
    }

    private void checkTier(String token, int floor, int ceiling, int tier, int index) {
      if (tier == Integer.MIN_VALUE || (tier >= floor && tier <= ceiling) || (tier < 0 && ceiling > 0)) {
        return;
      }
      String classification = "'" + classificationToken + "' (" + level.qualified() + ")";
      if (tier >= 0 && tier < floor) {
        error("BELOW_FLOOR", index, "'" + token + "' is not used at " + classification + " (needs " + tierName(floor) + " or higher)");
      } else if ((tier > ceiling || tier < 0) && ceiling == 0) {
        error("ABOVE_CEILING", index, "'" + token + "' is used only on unclassified information, not at " + classification);
      } else if (tier > ceiling) {
        error("ABOVE_CEILING", index, "'" + token + "' is not used above " + tierName(ceiling) + ", not at " + classification);
      }
    }

    private String tierName(int tier) {
      return switch (tier) {
        case 0 -> "UNCLASSIFIED";
        case 1 -> "RESTRICTED";
        case 2 -> "CONFIDENTIAL";
        case 3 -> "SECRET";
        default -> "TOP SECRET";
      };
    }

    private void checkOrder() {
      for (int i = 1; i < entries.size(); i++) {
        Entry previous = entries.get(i - 1);
        Entry entry = entries.get(i);
        int byCategory = entry.category().compareTo(previous.category());
        boolean outOfOrder = byCategory < 0
            || (byCategory == 0 && (entry.key() < previous.key()
                || (entry.key() == previous.key() && entry.category() != Category.DISSEM && entry.category() != Category.NON_IC
                    && entry.text().compareTo(previous.text()) < 0)));
        if (outOfOrder) {
          warning("NON_CANONICAL_ORDER", entry.index(), "'" + entry.text() + "' is out of order: it belongs before '"
              + previous.text() + "' (blocks go classification//SCI//SAR//AEA//FGI//dissemination//non-IC dissemination)");
        } else if (byCategory == 0 && entry.block() != previous.block()) {
          warning("NON_CANONICAL_BLOCKS", entry.index(), "'" + entry.text() + "' belongs in the same block as '"
              + previous.text() + "': separate them with '/', not '//'");
        } else if (byCategory != 0 && entry.block() == previous.block()) {
          warning("NON_CANONICAL_BLOCKS", entry.index(), "'" + entry.text() + "' starts a new block: separate it from '"
              + previous.text() + "' with '//'");
        }
      }
    }

    // ---- helpers -------------------------------------------------------------------------

    private void checkForm(String token, String banner, String portionForm, int index) {
      if (banner.equals(portionForm)) {
        return;
      }
      if (portion && token.equals(banner)) {
        warning("PORTION_USES_BANNER_FORM", index, "portion mark uses the banner form '" + banner + "'; write '" + portionForm + "'");
      } else if (!portion && token.equals(portionForm)) {
        warning("BANNER_USES_PORTION_FORM", index, "banner uses the portion form '" + portionForm + "'; write '" + banner + "'");
      }
    }

    private String describeAt(int index) {
      if (index >= text.length()) {
        return "end of input";
      }
      return quoted(String.valueOf(text.charAt(index)));
    }

    private void error(String code, int index, String message) {
      diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, code, index, message));
    }

    private void warning(String code, int index, String message) {
      diagnostics.add(new Diagnostic(Diagnostic.Severity.WARNING, code, index, message));
    }
  }

  /** Splits {@code text[start, end)} on a separator; piece indexes are absolute in {@code text}. */
  private static List<Piece> split(String text, int start, int end, String separator) {
    List<Piece> pieces = new ArrayList<>();
    int from = start;
    while (true) {
      int at = text.indexOf(separator, from);
      if (at < 0 || at + separator.length() > end) {
        pieces.add(new Piece(text.substring(from, end), from));
        return pieces;
      }
      pieces.add(new Piece(text.substring(from, at), from));
      from = at + separator.length();
    }
  }

  private static String head(String token) {
    int end = 0;
    while (end < token.length() && token.charAt(end) != '-' && token.charAt(end) != ' ') {
      end++;
    }
    return token.substring(0, end);
  }

  /** Capital letters, digits, '-', and single blanks between words. */
  private static boolean isIdentifierText(String token) {
    if (token.isEmpty() || token.charAt(0) == ' ' || token.charAt(token.length() - 1) == ' ') {
      return false;
    }
    char previous = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ' ';
      if (!ok || (c == ' ' && previous == ' ')) {
        return false;
      }
      previous = c;
    }
    return true;
  }

  /** Three or four capital letters: the shape of a party code. */
  private static boolean isPartyLike(String token) {
    int length = token.length();
    if (length < 3 || length > 4) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = token.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAscii(String token) {
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static String quoted(String token) {
    return "'" + token + "'";
  }
}
