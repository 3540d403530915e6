package org.pactbridge.bench;

import org.pactbridge.core.registry.Registry;

/** The built-in reference world, from the {@code world} module. */
final class ReferenceWorld {
  private ReferenceWorld() {}

  static Registry registry() {
    throw new UnsupportedOperationException("the reference world loader (module world) is not merged yet");
  }
}
