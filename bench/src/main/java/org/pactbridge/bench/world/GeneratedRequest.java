package org.pactbridge.bench.world;

import org.pactbridge.core.release.ReleaseRequest;

/**
 * One generated question, with how it was made: {@code boundary} when its instant is exactly a
 * transition of the holder–recipient agreement (entry into force, amendment, notice, termination,
 * expiry) or one second before one, and {@code item} the index of the item it is about (−1 for a
 * request made up to hit a rare reason code).
 */
public record GeneratedRequest(ReleaseRequest request, int item, boolean boundary) {}
