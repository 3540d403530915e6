/**
 * Banner and portion markings in the CAPCO style ({@code SECRET//REL TO USA, JPN, KOR},
 * {@code (S//NF)}, {@code //KOR II//REL TO USA, KOR}, {@code //JOINT SECRET USA GBR}), Korean and
 * Japanese native markings, and their canonical form. {@link org.pactbridge.core.label.marking.MarkingParser}
 * reads strictly: an unknown token is an error naming it and its index; an understood but non-canonical
 * form is a warning. The grammar is written down in {@code docs/markings.md}.
 */
package org.pactbridge.core.label.marking;
