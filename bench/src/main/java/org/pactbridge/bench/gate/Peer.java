package org.pactbridge.bench.gate;

import org.pactbridge.core.release.ReleaseRequest;

/** An engine under comparison: gives a verdict for a release request. */
public interface Peer {
  String name();

  Verdict decide(ReleaseRequest request);
}
