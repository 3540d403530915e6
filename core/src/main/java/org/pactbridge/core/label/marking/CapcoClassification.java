package org.pactbridge.core.label.marking;

import java.util.List;
import java.util.Optional;
import org.pactbridge.core.party.PartyCode;

/**
 * The CAPCO (US) family: a bare US classification, {@code SECRET} in a banner, {@code S} in a portion,
 * naming {@code USA} as originator. It claims every other ASCII first block too, so that an unknown one
 * ({@code SERCET}, the NATO-only {@code RESTRICTED}) is reported with the US words it was expected to be.
 */
final class CapcoClassification implements MarkingFamily {
  private static final List<String> US_BANNER_WORDS = Capco.US_WORDS.stream()
      .filter(word -> !word.code().equals("RESTRICTED")).map(Capco.Word::banner).toList();

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
    int slash = token.indexOf('/');
    if (slash > 0 && Capco.usWord(token.substring(0, slash)).isPresent()) {
      reading.report(DiagnosticCode.MALFORMED_SEPARATOR, piece.index() + slash, "'" + token.substring(0, slash)
          + "' is followed by '/': the classification is separated from the first block by '//'",
          Reading.replace(piece.index() + slash, 1, "//"));
      return;
    }
    Capco.Word longhand = Capco.NATO_LONGHAND.get(token);
    if (longhand != null) {
      String nato = reading.portion ? longhand.portion() : longhand.banner();
      reading.report(DiagnosticCode.UNKNOWN_CLASSIFICATION, piece.index(), "unknown classification '" + token
          + "': NATO's level is written //" + nato, Reading.replace(piece.index(), token.length(), "//" + nato));
      return;
    }
    if (isForeignWithoutSlashes(token, reading)) {
      reading.report(DiagnosticCode.UNKNOWN_CLASSIFICATION, piece.index(), "unknown classification '" + token
          + "': a NATO, JOINT or other party's classification starts with '//'", Reading.replace(piece.index(), 0, "//"));
      return;
    }
    reading.report(DiagnosticCode.UNKNOWN_CLASSIFICATION, piece.index(), "unknown classification '" + token
        + "' (expected a US classification: TOP SECRET, SECRET, CONFIDENTIAL, UNCLASSIFIED, or TS, S, C, U in a portion; "
        + "'//' and a NATO, JOINT or other party's classification; or a Korean or Japanese native marking)",
        MarkingLexer.misspelt(token, US_BANNER_WORDS).map(right -> Reading.replace(piece.index(), token.length(), right))
            .orElse(null));
  }

  /** A NATO word, {@code JOINT …} or a known party and a word: what is written after {@code //}. */
  private static boolean isForeignWithoutSlashes(String token, Reading reading) {
    if (Capco.natoWord(token).isPresent() || token.startsWith("JOINT ")) {
      return true;
    }
    int space = token.indexOf(' ');
    return space > 0 && MarkingLexer.isPartyLike(token.substring(0, space))
        && reading.directory.findParty(PartyCode.of(token.substring(0, space))).isPresent();
  }
}
