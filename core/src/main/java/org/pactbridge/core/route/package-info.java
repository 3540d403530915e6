/**
 * Relay routes: chains holder → X → … → recipient in which every hop is lawful at the instant, the
 * level translated hop by hop, with the consents each chain needs and the arrangement that sanctions it.
 */
package org.pactbridge.core.route;
