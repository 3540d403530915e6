package org.pactbridge.bench;

import org.pactbridge.core.registry.Registry;
import org.pactbridge.world.WorldLoader;

/** The built-in reference world, from the {@code world} module. */
final class ReferenceWorld {
  private ReferenceWorld() {}

  static Registry registry() {
    return WorldLoader.reference();
  }
}
