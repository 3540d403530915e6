package org.pactbridge.core.label.marking;

import java.util.Optional;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;

/**
 * The non-US family, after a leading {@code //}: a NATO classification ({@code //NATO SECRET},
 * {@code //NS}), naming {@code NATO}; or a party code and one of its levels ({@code //KOR II},
 * {@code //GBR S}), naming that party. A retired NATO compound ({@code //CTSA}) is an error; a US or NATO
 * level written as a party and a level ({@code //USA SECRET}) is read, with a warning. JOINT
 * classifications are {@link JointClassification}'s.
 */
final class ForeignClassification implements MarkingFamily {

  @Override
  public boolean claims(String classification, boolean foreign) {
    return foreign;
  }

  @Override
  public void read(MarkingLexer.Piece piece, Reading reading) {
    String token = piece.text();
    int index = piece.index();
    if (token.isEmpty()) {
      reading.report(DiagnosticCode.UNKNOWN_CLASSIFICATION, index, "expected a non-US classification after '//', found "
          + reading.describeAt(index));
      return;
    }
    String legacy = Capco.LEGACY_NATO.get(token);
    if (legacy != null) {
      reading.report(DiagnosticCode.LEGACY_NATO_MARKING, index, "retired NATO compound '" + token + "' (write " + legacy + ")",
          Reading.replace(index, token.length(), legacy.substring(2)));
      return;
    }
    Capco.Word longhand = Capco.NATO_LONGHAND.get(token);
    if (longhand != null) {
      String word = reading.portion ? longhand.portion() : longhand.banner();
      reading.report(DiagnosticCode.UNKNOWN_CLASSIFICATION, index, "unknown classification '" + token + "': NATO's level is "
          + "written " + word, Reading.replace(index, token.length(), word));
      return;
    }
    Optional<Capco.Word> nato = Capco.natoWord(token);
    if (nato.isPresent()) {
      reading.checkForm(token, nato.get().banner(), nato.get().portion(), index);
      reading.resolveByCode(Capco.NATO, nato.get().code(), token, index);
      reading.originators.add(Capco.NATO);
      return;
    }
    readPartyLevel(token, index, reading);
  }

  /** {@code PARTY LEVEL}: a known party code, one blank, and a level of that party. */
  private static void readPartyLevel(String token, int index, Reading reading) {
    int space = token.indexOf(' ');
    if (space <= 0 || space == token.length() - 1) {
      reading.report(DiagnosticCode.UNKNOWN_CLASSIFICATION, index, "unknown classification '" + token + "' after '//' "
          + "(expected a NATO classification such as NATO SECRET or NS, JOINT with a level and parties, or a party code "
          + "and a level such as KOR II)");
      return;
    }
    Optional<Party> party = reading.requireParty(token.substring(0, space), index);
    if (party.isEmpty()) {
      return;
    }
    String levelToken = token.substring(space + 1);
    Optional<Level> found = reading.findLevel(party.get(), levelToken);
    if (found.isEmpty()) {
      reading.unknownLevel(party.get(), levelToken, index + space + 1);
      return;
    }
    reading.level = found.get();
    reading.originators.add(party.get().code());
    checkLetterForm(levelToken, index + space + 1, reading);
    if (party.get().code().equals(Capco.USA) || (party.get().code().equals(Capco.NATO)
        && Capco.wordForCode(Capco.NATO_WORDS, reading.level.code()).isPresent())) {
      String canonical = MarkingFormatter.format(SecurityLabel.builder(reading.level).build(),
          reading.portion ? MarkingForm.PORTION : MarkingForm.BANNER).replace("(", "").replace(")", "");
      reading.report(DiagnosticCode.NON_CANONICAL_FORM, index, "'" + token + "' names the party of a "
          + party.get().code() + " classification; write " + canonical,
          Reading.replace(index - 2, token.length() + 2, canonical));
    }
  }

  /**
   * A non-US level in the other form's letters: a banner writes the word ({@code //GBR SECRET}), a portion
   * the US-style letters where the level has them ({@code (//GBR S)}).
   */
  private static void checkLetterForm(String levelToken, int index, Reading reading) {
    String banner = Capco.levelText(reading.level, false);
    String portion = Capco.levelText(reading.level, true);
    if (levelToken.equals(banner) || levelToken.equals(portion)) {
      reading.checkForm(levelToken, banner, portion, index);
    }
  }
}
