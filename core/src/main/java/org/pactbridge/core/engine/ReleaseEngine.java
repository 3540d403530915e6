package org.pactbridge.core.engine;

import java.util.List;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.ReleaseDecider;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.release.Route;
import org.pactbridge.core.release.compiled.CompiledEngine;

/**
 * The release-decision engine that the CLI, the server, the store and the benchmarks use: one registry
 * snapshot compiled for speed (package {@code release.compiled}, not exported), answering as
 * {@link org.pactbridge.core.release.ReferenceEvaluator} does. It lives apart from {@code release} so
 * that the front ({@code release}) never depends on the back that depends on it.
 *
 * <p>Built once per registry snapshot; thread-safe. A direct decision is a handful of hash look-ups and
 * a binary search per candidate agreement, and never touches I/O.
 */
public final class ReleaseEngine implements ReleaseDecider {
  private final CompiledEngine compiled;

  public ReleaseEngine(Registry registry) {
    this.compiled = new CompiledEngine(registry);
  }

  public Registry registry() {
    return compiled.registry();
  }

  @Override
  public Decision decide(ReleaseRequest request) {
    return compiled.decide(request, true);
  }

  @Override
  public Decision decide(ReleaseRequest request, boolean withRoutes) {
    return compiled.decide(request, withRoutes);
  }

  @Override
  public List<Route> routes(ReleaseRequest request) {
    return compiled.routeFinder().find(request);
  }

  @Override
  public List<Route> routes(ReleaseRequest request, int maxHops, int limit) {
    return compiled.routeFinder().find(request, maxHops, limit);
  }
}
