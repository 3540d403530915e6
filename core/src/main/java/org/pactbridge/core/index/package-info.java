/**
 * Dense numbering for the hot paths: {@link org.pactbridge.core.index.DenseIndex} (keys to 0 … n − 1 by
 * open addressing, no boxing) and {@link org.pactbridge.core.index.PartySet} (sets of party indices as
 * bit words). Used by the registry's party look-up, the topic sets and the compiled engine. Not exported
 * from the module: an implementation detail of those three.
 */
package org.pactbridge.core.index;
