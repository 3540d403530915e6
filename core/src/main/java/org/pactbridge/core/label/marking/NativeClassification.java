package org.pactbridge.core.label.marking;

import java.util.Optional;
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

  @Override
  public boolean claims(String classification, boolean foreign) {
    return !foreign && !MarkingLexer.isAscii(classification);
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
    reading.report(DiagnosticCode.UNKNOWN_CLASSIFICATION, piece.index(), "unknown native marking '" + token
        + "' (expected a level of " + reading.directory.nativeMarkingParties()
        + " in its native script, such as 군사 Ⅱ급비밀 or 極秘)");
  }
}
