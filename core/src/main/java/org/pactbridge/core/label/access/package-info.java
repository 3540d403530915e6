/**
 * Access expressions in the Apache Accumulo grammar ({@code SI&(TK|G)}), used for compartments and
 * need-to-know: {@link org.pactbridge.core.label.access.AccessExpression} parses once and is immutable;
 * {@link org.pactbridge.core.label.access.AccessEvaluator} is built once per user's authorizations and
 * evaluates many expressions. The grammar is in {@code docs/markings.md}.
 */
package org.pactbridge.core.label.access;
