/**
 * Classified items and the copies parties hold: an {@link org.pactbridge.core.item.Item} is the label
 * (originators, level, releasability, caveats, topics, dates), the content's hash and the originator
 * node's signature, never the content itself; a {@link org.pactbridge.core.item.Holding} records who
 * holds a copy, since when, by which route and under which national marking. Releases and the decisions
 * recorded for them live here too. Repository interfaces are implemented by the store module.
 */
package org.pactbridge.core.item;
