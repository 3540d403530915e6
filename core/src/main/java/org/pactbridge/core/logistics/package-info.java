/**
 * Logistics support under ACSA-style agreements: the supply and service categories and the
 * activities an agreement covers ({@link org.pactbridge.core.logistics.terms.LogisticsTerms}, carried by a
 * provisions version), the decision on a {@link org.pactbridge.core.logistics.SupportRequest}
 * ({@link org.pactbridge.core.logistics.SupportEngine}), and the double-entry, append-only settlement
 * {@link org.pactbridge.core.logistics.Ledger} with its repository interface. Geometry lives outside
 * the core: area restrictions name zones, and an {@link org.pactbridge.core.logistics.AreaTest}
 * supplied by an outer module says whether a location lies in one.
 */
package org.pactbridge.core.logistics;

