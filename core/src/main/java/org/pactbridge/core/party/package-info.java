/**
 * Parties (nations and organisations), their classification schemes with ranked levels, communities
 * used in releasability lists, and topics.
 */
package org.pactbridge.core.party;
