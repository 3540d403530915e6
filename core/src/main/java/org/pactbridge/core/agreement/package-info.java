/**
 * Agreements between parties: their kind, their dated timeline (from which status is derived, never
 * stored), and their provisions versioned by amendment: one record per kind ({@link
 * org.pactbridge.core.agreement.InformationProvisions} with its equivalence table, {@link
 * org.pactbridge.core.agreement.ArrangementProvisions} with its hub and paths, {@link
 * org.pactbridge.core.agreement.LogisticsProvisions} with its logistics terms), each with the general
 * terms (scope, third-party rule) every kind states.
 */
package org.pactbridge.core.agreement;
