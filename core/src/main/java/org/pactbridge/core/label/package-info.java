/**
 * Security labels: {@link org.pactbridge.core.label.SecurityLabel} (classification in the originator's
 * scheme, JOINT originators, {@link org.pactbridge.core.label.Releasability}, dissemination
 * {@link org.pactbridge.core.label.Control}s, {@link org.pactbridge.core.label.Compartment}s, topics,
 * declassification date), and the formats that read and write it: CAPCO-style markings
 * ({@code marking}), STANAG 4774 XML ({@code stanag}) and Accumulo access expressions ({@code access}).
 * Every reader throws only its own {@link org.pactbridge.core.label.LabelParseException}, with the index
 * of the fault. {@link org.pactbridge.core.label.LabelInterner} supports filtering many labelled items by
 * deciding each distinct label once. The grammar is in {@code docs/markings.md}.
 */
package org.pactbridge.core.label;
