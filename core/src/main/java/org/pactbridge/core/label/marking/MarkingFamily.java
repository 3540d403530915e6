package org.pactbridge.core.label.marking;

/**
 * One family of classification markings: how the first block of a marking names its originator and
 * level. {@link MarkingParser} asks its families in order, and the first that {@linkplain #claims claims}
 * the classification reads it into the {@link Reading} (level, originators, JOINT) and reports what is
 * wrong with it. The control blocks that follow are the same for every family ({@link ControlBlocks}).
 *
 * <p>Implementations are stateless and thread-safe; everything of one reading is in the reading.
 */
interface MarkingFamily {

  /**
   * Whether this family reads the classification piece. {@code foreign} is set when the marking began
   * with {@code //} (a non-US, NATO or JOINT classification); the text may be empty.
   */
  boolean claims(String classification, boolean foreign);

  /** Reads the classification at {@code piece}, setting the reading's level and originators or reporting errors. */
  void read(MarkingLexer.Piece piece, Reading reading);
}
