package org.pactbridge.core.agreement;

import java.time.Instant;
import java.util.Objects;

/** Provisions that apply from {@code from} (null: from the start) until the next version. */
public record ProvisionVersion(Instant from, String label, Provisions provisions) {
  public ProvisionVersion {
    Objects.requireNonNull(provisions, "provisions");
    label = label == null ? "" : label;
  }
}
