package org.pactbridge.core.label.marking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.pactbridge.core.label.LabelFixtures;

/**
 * Runs one {@link MarkingFamily} alone on a marking's classification, against the LabelFixtures world:
 * the lexer finds the piece, the family must claim it, and the reading is finished without the control
 * blocks or the rules, so that a family's test sees only what the family did.
 */
final class FamilyReading {
  static final PartyDirectory DIRECTORY = PartyDirectory.of(LabelFixtures.registry());

  private FamilyReading() {}

  static ParsedMarking read(MarkingFamily family, String marking) {
    return read(family, marking, null);
  }

  static ParsedMarking read(MarkingFamily family, String marking, Instant at) {
    MarkingLexer.Lexed lexed = MarkingLexer.lex(marking);
    assertThat(family.claims(lexed.classification().text(), lexed.foreign()))
        .as("%s claims %s", family.getClass().getSimpleName(), marking).isTrue();
    Reading reading = new Reading(marking, at, DIRECTORY, lexed.portion());
    reading.classificationIndex = lexed.classification().index();
    reading.classificationToken = lexed.classification().text();
    family.read(lexed.classification(), reading);
    return reading.finish();
  }
}
