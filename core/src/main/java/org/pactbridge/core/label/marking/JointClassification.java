package org.pactbridge.core.label.marking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;

/**
 * The JOINT family: {@code //JOINT LEVEL P1 P2 …}, an item of several originators. The trailing words
 * shaped like party codes are the parties (at least two, listed like REL TO: {@code USA} first); the
 * words before them are the level, read in the scheme of the first party in canonical order (a US word
 * when that party is {@code USA}).
 */
final class JointClassification implements MarkingFamily {
  private static final String PREFIX = "JOINT ";

  @Override
  public boolean claims(String classification, boolean foreign) {
    return foreign && classification.startsWith(PREFIX);
  }

  @Override
  public void read(MarkingLexer.Piece piece, Reading reading) {
    String token = piece.text();
    int index = piece.index();
    List<MarkingLexer.Piece> words = MarkingLexer.split(token, PREFIX.length(), token.length(), " ");
    for (MarkingLexer.Piece word : words) {
      if (word.text().isEmpty()) {
        reading.report(DiagnosticCode.MALFORMED_JOINT, index + word.index(),
            "expected one blank between the words of a JOINT classification, found two");
        return;
      }
    }
    int firstParty = words.size();
    while (firstParty > 1 && MarkingLexer.isPartyLike(words.get(firstParty - 1).text())) {
      firstParty--;
    }
    List<MarkingLexer.Piece> partyPieces = words.subList(firstParty, words.size());
    StringBuilder levelWord = new StringBuilder();
    for (int i = 0; i < firstParty; i++) {
      levelWord.append(i == 0 ? "" : " ").append(words.get(i).text());
    }
    int levelIndex = index + words.get(0).index();
    if (partyPieces.size() < 2) {
      reading.report(DiagnosticCode.MALFORMED_JOINT, index, "JOINT '" + token
          + "' needs a level and at least two party codes, such as JOINT SECRET USA GBR");
      return;
    }
    Optional<List<PartyCode>> known = readParties(partyPieces, index, reading);
    if (known.isEmpty()) {
      return;
    }
    List<PartyCode> parties = known.get();
    List<PartyCode> sorted = new ArrayList<>(parties);
    sorted.sort((a, b) -> Releasability.CANONICAL_ORDER.compare(a.value(), b.value()));
    for (int i = 0; i < parties.size(); i++) {
      if (!parties.get(i).equals(sorted.get(i))) {
        reading.report(DiagnosticCode.NON_CANONICAL_ORDER, index + partyPieces.get(i).index(), "JOINT parties out of order at '"
            + parties.get(i) + "' (write USA first, then trigraphs alphabetically, then tetragraphs: "
            + String.join(" ", sorted.stream().map(PartyCode::value).toList()) + ")");
        break;
      }
    }
    PartyCode primary = sorted.get(0);
    String word = levelWord.toString();
    Optional<Capco.Word> us = Capco.usWord(word);
    us.ifPresent(w -> reading.checkForm(word, w.banner(), w.portion(), levelIndex));
    Optional<Party> party = reading.directory.findParty(primary);
    Optional<Level> found = party.flatMap(p -> primary.equals(Capco.USA) && us.isPresent()
        ? reading.findLevel(p, us.get().code()) : reading.findLevel(p, word));
    if (found.isEmpty()) {
      party.ifPresent(p -> reading.unknownLevel(p, word, levelIndex));
      return;
    }
    reading.level = found.get();
    reading.originators.addAll(parties);
    reading.joint = true;
  }

  /** The parties in written order, duplicates warned and dropped; empty when one is unknown (reported). */
  private static Optional<List<PartyCode>> readParties(List<MarkingLexer.Piece> partyPieces, int index, Reading reading) {
    List<PartyCode> parties = new ArrayList<>();
    boolean known = true;
    for (MarkingLexer.Piece piece : partyPieces) {
      Optional<Party> party = reading.requireParty(piece.text(), index + piece.index());
      if (party.isEmpty()) {
        known = false;
      } else if (parties.contains(party.get().code())) {
        reading.report(DiagnosticCode.DUPLICATE_ENTRY, index + piece.index(), "party " + piece.text() + " is listed twice in JOINT");
      } else {
        parties.add(party.get().code());
      }
    }
    return known ? Optional.of(parties) : Optional.empty();
  }
}
