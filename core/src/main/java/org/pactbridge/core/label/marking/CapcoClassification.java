package org.pactbridge.core.label.marking;

import java.util.Optional;

/**
 * The CAPCO (US) family: a bare US classification, {@code SECRET} in a banner, {@code S} in a portion,
 * naming {@code USA} as originator. It claims every other ASCII first block too, so that an unknown one
 * ({@code SERCET}, the NATO-only {@code RESTRICTED}) is reported with the US words it was expected to be.
 */
final class CapcoClassification implements MarkingFamily {

  @Override
  public boolean claims(String classification, boolean foreign) {
    return !foreign && MarkingLexer.isAscii(classification);
  }

  @Override
  public void read(MarkingLexer.Piece piece, Reading reading) {
    String token = piece.text();
    Optional<Capco.Word> word = Capco.usWord(token);
    if (word.isPresent() && !word.get().code().equals("RESTRICTED")) {
      reading.checkForm(token, word.get().banner(), word.get().portion(), piece.index());
      reading.resolveByCode(Capco.USA, word.get().code(), token, piece.index());
      reading.originators.add(Capco.USA);
      return;
    }
    if (token.isEmpty()) {
      reading.report(DiagnosticCode.UNKNOWN_CLASSIFICATION, piece.index(), "expected a classification, found "
          + reading.describeAt(piece.index()));
      return;
    }
    reading.report(DiagnosticCode.UNKNOWN_CLASSIFICATION, piece.index(), "unknown classification '" + token
        + "' (expected a US classification: TOP SECRET, SECRET, CONFIDENTIAL, UNCLASSIFIED, or TS, S, C, U in a portion; "
        + "'//' and a NATO, JOINT or other party's classification; or a Korean or Japanese native marking)");
  }
}
