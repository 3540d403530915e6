/**
 * The logistics terms a LOGISTICS agreement's provisions carry: the supply and service categories,
 * the activities, conditions, area restrictions, reimbursement modes and settlement period. Plain
 * values that depend only on parties, so that {@code agreement} can hold them without depending on the
 * logistics engine and ledger (which depend on the registry and agreements in turn).
 */
package org.pactbridge.core.logistics.terms;
