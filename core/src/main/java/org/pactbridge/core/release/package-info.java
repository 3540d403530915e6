/**
 * The release decision: may an item go from its holder to a recipient at an instant? Rules 1–6 of the
 * design, every rule evaluated and every failure reported with a stable reason code.
 */
package org.pactbridge.core.release;
