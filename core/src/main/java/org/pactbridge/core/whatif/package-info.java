/**
 * What-if: apply hypothetical timeline events (sign a pact, terminate one) and new agreements to a
 * registry snapshot, and report what changes: the coverage cells and the decisions on given requests
 * (a node passes its stored items). Pure computation over two snapshots; nothing is stored.
 */
package org.pactbridge.core.whatif;
