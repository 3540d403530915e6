package org.pactbridge.core.whatif;

import java.util.Objects;
import org.pactbridge.core.release.ReleaseRequest;

/** A release question whose answer the what-if compares, under an identifier the caller chose. */
public record Probe(String id, ReleaseRequest request) {
  public Probe {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(request, "request");
  }
}
