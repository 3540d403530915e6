package org.pactbridge.core.label.marking;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;

/**
 * The Korean and Japanese native family: a first block in its own script ({@code 군사 Ⅱ급비밀},
 * {@code 極秘}), looked up among the levels, native names and aliases of the
 * {@linkplain PartyDirectory#nativeMarkingParties() native-marking parties} in their order; the party
 * whose scheme has it is the originator. It claims every non-ASCII first block.
 */
final class NativeClassification implements MarkingFamily {

  private static final Pattern COMBINED = Pattern.compile("([^(（]+)[(（]([^)）]+)[)）]");

  @Override
  public boolean claims(String classification, boolean foreign) {
    return !foreign && !MarkingLexer.isAscii(classification);
  }

  /**
   * Japan's combined form, a designation over a grade: {@code 特定秘密(極秘)}, {@code 特定秘密(機密)}, and
   * before 2014-12-10 {@code 防衛秘密(機密)} (half- or full-width parentheses). Both must be levels of
   * one native-marking party at the reading's instant; the item's level is the grade, and a warning
   * names the designation. False when the token is not of this form or either part is unknown.
   */
  private static boolean designationOverGrade(MarkingLexer.Piece piece, Reading reading) {
    Matcher matcher = COMBINED.matcher(piece.text());
    if (!matcher.matches()) {
      return false;
    }
    String designation = matcher.group(1).strip();
    String grade = matcher.group(2).strip();
    for (PartyCode code : reading.directory.nativeMarkingParties()) {
      Optional<Party> party = reading.directory.findParty(code);
      Optional<Level> over = party.flatMap(p -> reading.findLevel(p, designation));
      Optional<Level> level = party.flatMap(p -> reading.findLevel(p, grade));
      if (over.isPresent() && level.isPresent()) {
        reading.level = level.get();
        reading.originators.add(code);
        reading.report(DiagnosticCode.DESIGNATION_OVER_GRADE, piece.index(), "'" + piece.text() + "' is the designation " + designation
            + " over the grade " + grade + ": read as " + level.get().qualified());
        return true;
      }
    }
    return false;
  }

  @Override
  public void read(MarkingLexer.Piece piece, Reading reading) {
    String token = piece.text();
    for (PartyCode code : reading.directory.nativeMarkingParties()) {
      Optional<Party> party = reading.directory.findParty(code);
      Optional<Level> found = party.flatMap(p -> reading.findLevel(p, token));
      if (found.isPresent()) {
        reading.level = found.get();
        reading.originators.add(code);
        return;
      }
    }
    if (designationOverGrade(piece, reading)) {
      return;
    }
    reading.report(DiagnosticCode.UNKNOWN_CLASSIFICATION, piece.index(), "unknown native marking '" + token
        + "' (expected a level of " + reading.directory.nativeMarkingParties()
        + " in its native script, such as 군사 Ⅱ급비밀 or 極秘)");
  }
}
