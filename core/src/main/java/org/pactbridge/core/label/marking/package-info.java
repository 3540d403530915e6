/**
 * Banner and portion markings in the CAPCO style ({@code SECRET//REL TO USA, JPN, KOR},
 * {@code (S//NF)}, {@code //KOR II//REL TO USA, KOR}, {@code //JOINT SECRET USA GBR}), Korean and
 * Japanese native markings, and their canonical form. {@link org.pactbridge.core.label.marking.MarkingParser}
 * reads strictly: an unknown token is an error naming it and its index; an understood but non-canonical
 * form is a warning; every code is in {@link org.pactbridge.core.label.marking.DiagnosticCode}, and
 * a finding with one right form suggests it. The grammar and the rule catalogue (every rule, with a
 * valid and an invalid example, each a test) are written down in {@code docs/markings.md}.
 *
 * <p>Public: the parser and the formatter, the parsed marking, its diagnostics and their catalogue, the
 * exception, and {@code PartyDirectory}. Package-private, behind the parser: the lexer
 * ({@code MarkingLexer}), one {@code MarkingFamily} per classification family ({@code CapcoClassification},
 * {@code NativeClassification}, {@code JointClassification}, {@code ForeignClassification}), the control
 * blocks shared by every family ({@code ControlBlocks}), the whole-marking rules ({@code MarkingRules}),
 * the state of one reading ({@code Reading}) and the CAPCO vocabulary ({@code Capco}).
 */
package org.pactbridge.core.label.marking;
