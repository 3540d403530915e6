/**
 * Agreements between parties: their kind, their dated timeline (from which status is derived, never
 * stored), and their provisions versioned by amendment (equivalence table, scope, third-party rule,
 * the hub and paths of an arrangement).
 */
package org.pactbridge.core.agreement;
