package org.pactbridge.core.label.marking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.label.marking.MarkingLexer.Lexed;
import org.pactbridge.core.label.marking.MarkingLexer.Piece;

class MarkingLexerTest {

  @Test
  void aSlipIsOneLetterWrongMissingAddedOrTwoNeighboursSwapped() {
    assertThat(MarkingLexer.oneSlipApart("SERCET", "SECRET")).isTrue();
    assertThat(MarkingLexer.oneSlipApart("SECRT", "SECRET")).isTrue();
    assertThat(MarkingLexer.oneSlipApart("SECRETT", "SECRET")).isTrue();
    assertThat(MarkingLexer.oneSlipApart("SECRIT", "SECRET")).isTrue();
    assertThat(MarkingLexer.oneSlipApart("SECRET", "SECRET")).isFalse();
    assertThat(MarkingLexer.oneSlipApart("SCERTE", "SECRET")).isFalse();
    assertThat(MarkingLexer.misspelt("NOFRON", List.of("NOFORN", "ORCON"))).contains("NOFORN");
    // two words one slip away, or a short token: no suggestion
    assertThat(MarkingLexer.misspelt("ABCE", List.of("ABCD", "ABCF"))).isEmpty();
    assertThat(MarkingLexer.misspelt("NF", List.of("NFF"))).isEmpty();
  }

  @Test
  void aBannerIsAClassificationAndItsBlocksWithTheirIndexes() {
    Lexed lexed = MarkingLexer.lex("SECRET//ORCON/NOFORN//EXDIS");
    assertThat(lexed.portion()).isFalse();
    assertThat(lexed.foreign()).isFalse();
    assertThat(lexed.classification()).isEqualTo(new Piece("SECRET", 0));
    assertThat(lexed.blocks()).containsExactly(new Piece("ORCON/NOFORN", 8), new Piece("EXDIS", 22));
    assertThat(MarkingLexer.entries(lexed.blocks().get(0))).containsExactly(new Piece("ORCON", 8), new Piece("NOFORN", 14));
  }

  @Test
  void aPortionMarkDropsItsParenthesesAndKeepsIndexesIntoTheInput() {
    Lexed lexed = MarkingLexer.lex("(S//NF)");
    assertThat(lexed.portion()).isTrue();
    assertThat(lexed.unbalanced()).isFalse();
    assertThat(lexed.classification()).isEqualTo(new Piece("S", 1));
    assertThat(lexed.blocks()).containsExactly(new Piece("NF", 4));
  }

  @Test
  void anUnclosedPortionIsReadToTheEndAndFlagged() {
    Lexed lexed = MarkingLexer.lex("(S//NF");
    assertThat(lexed.unbalanced()).isTrue();
    assertThat(lexed.blocks()).containsExactly(new Piece("NF", 4));
    assertThat(MarkingLexer.lex("(").unbalanced()).isTrue();
    assertThat(MarkingLexer.lex("(").classification()).isEqualTo(new Piece("", 1));
  }

  @Test
  void aLeadingDoubleSlashMakesTheClassificationForeign() {
    Lexed lexed = MarkingLexer.lex("//KOR II//REL TO USA, KOR");
    assertThat(lexed.foreign()).isTrue();
    assertThat(lexed.classification()).isEqualTo(new Piece("KOR II", 2));
    assertThat(lexed.blocks()).containsExactly(new Piece("REL TO USA, KOR", 10));
    Lexed bare = MarkingLexer.lex("//");
    assertThat(bare.foreign()).isTrue();
    assertThat(bare.classification()).isEqualTo(new Piece("", 2));
    assertThat(bare.blocks()).isEmpty();
  }

  @Test
  void emptyBlocksArePiecesToo() {
    assertThat(MarkingLexer.lex("SECRET////NOFORN//").blocks())
        .containsExactly(new Piece("", 8), new Piece("NOFORN", 10), new Piece("", 18));
  }

  @Test
  void splitKeepsPositionsAndStopsAtTheEnd() {
    assertThat(MarkingLexer.split("SI-G ABCD-X", 0, 11, "-"))
        .containsExactly(new Piece("SI", 0), new Piece("G ABCD", 3), new Piece("X", 10));
    assertThat(MarkingLexer.split("(A//B)", 1, 5, "//")).containsExactly(new Piece("A", 1), new Piece("B", 4));
    assertThat(MarkingLexer.split("A/", 0, 2, "/")).containsExactly(new Piece("A", 0), new Piece("", 2));
  }

  @Test
  void tokenShapes() {
    assertThat(List.of("KOR", "NATO", "FVEY")).allMatch(MarkingLexer::isPartyLike);
    assertThat(List.of("KO", "NATOS", "kor", "K0R", "")).noneMatch(MarkingLexer::isPartyLike);
    assertThat(List.of("BP", "CD-X 1", "BUTTER POPCORN")).allMatch(MarkingLexer::isIdentifierText);
    assertThat(List.of("", " BP", "BP ", "B  P", "bp", "B/P")).noneMatch(MarkingLexer::isIdentifierText);
    assertThat(MarkingLexer.head("SI-G ABCD")).isEqualTo("SI");
    assertThat(MarkingLexer.head("G ABCD")).isEqualTo("G");
    assertThat(MarkingLexer.isAscii("SECRET")).isTrue();
    assertThat(MarkingLexer.isAscii("極秘")).isFalse();
  }
}
