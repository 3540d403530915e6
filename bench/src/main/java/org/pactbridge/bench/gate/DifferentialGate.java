package org.pactbridge.bench.gate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pactbridge.bench.world.GeneratedRequest;
import org.pactbridge.core.release.ReasonCode;
import org.pactbridge.core.release.ReleaseRequest;

/**
 * The differential gate: before anything is timed, every peer must give Pactbridge's verdict on every
 * request of a sample. The sample is stratified by Pactbridge's verdict (outcome and reason codes) and
 * by whether the instant is a boundary, taking strata in turn so that rare strata are taken whole;
 * it must contain every reason code. A mismatch throws {@link Mismatch}, naming the peer and the
 * request.
 */
public final class DifferentialGate {
  private DifferentialGate() {}

  /** Thrown on the first disagreement, or when a sample misses a reason code. */
  public static final class Mismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Mismatch(String message) {
      super(message);
    }
  }

  /** Up to {@code size} requests, stratified as the class says; deterministic. */
  public static List<ReleaseRequest> stratifiedSample(List<GeneratedRequest> all, Peer reference, int size) {
    if (size >= all.size()) {
      List<ReleaseRequest> everything = new ArrayList<>(all.size());
      for (GeneratedRequest request : all) {
        everything.add(request.request());
      }
      return everything;
    }
    Map<String, List<ReleaseRequest>> strata = new LinkedHashMap<>();
    for (GeneratedRequest generated : all) {
      Verdict verdict = reference.decide(generated.request());
      String key = verdict.outcome() + verdict.codes().toString() + (generated.boundary() ? "@boundary" : "");
      strata.computeIfAbsent(key, k -> new ArrayList<>()).add(generated.request());
    }
    List<List<ReleaseRequest>> lists = new ArrayList<>(strata.values());
    List<ReleaseRequest> sample = new ArrayList<>(size);
    int[] next = new int[lists.size()];
    while (sample.size() < size) {
      for (int s = 0; s < lists.size() && sample.size() < size; s++) {
        if (next[s] < lists.get(s).size()) {
          sample.add(lists.get(s).get(next[s]++));
        }
      }
    }
    return sample;
  }

  /** The reason codes Pactbridge gives over the sample. */
  public static Set<ReasonCode> codesCovered(List<ReleaseRequest> sample, Peer reference) {
    EnumSet<ReasonCode> codes = EnumSet.noneOf(ReasonCode.class);
    for (ReleaseRequest request : sample) {
      codes.addAll(reference.decide(request).codes());
    }
    return codes;
  }

  /**
   * Checks every peer against the reference on every request of the sample; returns how many checks
   * passed. Throws {@link Mismatch} on the first disagreement or when the sample misses a reason code.
   */
  public static long check(List<ReleaseRequest> sample, Peer reference, List<Peer> peers) {
    Set<ReasonCode> covered = codesCovered(sample, reference);
    if (!covered.containsAll(EnumSet.allOf(ReasonCode.class))) {
      EnumSet<ReasonCode> missing = EnumSet.allOf(ReasonCode.class);
      missing.removeAll(covered);
      throw new Mismatch("the sample of " + sample.size() + " requests misses reason codes " + missing);
    }
    return agree(sample, reference, peers);
  }

  /** Like {@link #check} without the coverage requirement: every peer agrees on every request. */
  public static long agree(List<ReleaseRequest> sample, Peer reference, List<Peer> peers) {
    long checks = 0;
    for (ReleaseRequest request : sample) {
      Verdict expected = reference.decide(request);
      for (Peer peer : peers) {
        Verdict actual;
        try {
          actual = peer.decide(request);
        } catch (RuntimeException e) {
          throw new Mismatch(peer.name() + " failed on " + request + ": " + e);
        }
        if (!expected.equals(actual)) {
          throw new Mismatch(peer.name() + " disagrees with pactbridge on " + request + "\n  pactbridge: " + expected + "\n  " + peer.name() + ": " + actual);
        }
        checks++;
      }
    }
    return checks;
  }
}
