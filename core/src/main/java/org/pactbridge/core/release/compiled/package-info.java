/**
 * The compiled release decision: the fast path behind {@link org.pactbridge.core.engine.ReleaseEngine}.
 * A registry snapshot compiled into flat arrays (agreements' timelines as segments, scopes as topic
 * masks, lawful hop results made ahead), the decision's hot loop, and the relay route search. Not
 * exported from the module: its types change with what the JIT likes, and its meaning is fixed by
 * {@link org.pactbridge.core.release.ReferenceEvaluator}, which a differential test holds it to.
 */
package org.pactbridge.core.release.compiled;
