/**
 * The Pactbridge domain: parties and their classification schemes, agreements with dated timelines,
 * the release-decision engine, routes and coverage. Plain Java: no I/O, no clock reads, no dependencies.
 * Instants are always passed in by the caller.
 */
package org.pactbridge.core;
