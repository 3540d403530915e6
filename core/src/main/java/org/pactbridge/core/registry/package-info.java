/**
 * The immutable, indexed registry snapshot the engines work on: parties, communities and agreements,
 * with agreements indexed by party pair so that the hot path never scans.
 */
package org.pactbridge.core.registry;
