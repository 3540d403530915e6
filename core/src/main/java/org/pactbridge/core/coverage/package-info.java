/** Coverage: for every ordered pair of parties at an instant, the highest level releasable directly and through relays. */
package org.pactbridge.core.coverage;
