package org.pactbridge.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pactbridge.bench.gate.DifferentialGate;
import org.pactbridge.bench.gate.PactbridgePeer;
import org.pactbridge.bench.gate.Peer;
import org.pactbridge.bench.world.GeneratedWorld;
import org.pactbridge.bench.world.GeneratorConfig;
import org.pactbridge.bench.world.WorldGenerator;
import org.pactbridge.core.release.ReleaseRequest;

/**
 * Runs the differential gate from the command line: {@code Gate [--sample N | --all] [--peers a,b]}.
 * Exit status 0 when every peer agrees with Pactbridge on every request, 1 on a mismatch (the request
 * is printed).
 */
public final class Gate {
  private Gate() {}

  public static void main(String[] args) {
    int sample = 10_000;
    List<String> names = new ArrayList<>(Peers.ENGINES);
    names.addAll(Peers.SELF_CHECKS);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sample" -> sample = Integer.parseInt(args[++i]);
        case "--all" -> sample = Integer.MAX_VALUE;
        case "--peers" -> names = Arrays.asList(args[++i].split(","));
        default -> {
          System.err.println("usage: Gate [--sample N | --all] [--peers " + String.join(",", names) + "]");
          System.exit(2);
        }
      }
    }
    long started = System.nanoTime();
    GeneratedWorld world = WorldGenerator.generate(GeneratorConfig.full());
    System.out.printf("generated world: %d parties, %d agreements, %d items, %d users, %d requests in %.1f s%n",
        world.names().partyCount(), world.registry().agreements().size(), world.items().size(), world.userCount(), world.requests().size(),
        (System.nanoTime() - started) / 1e9);
    Peer reference = new PactbridgePeer(world.registry());
    List<ReleaseRequest> requests = DifferentialGate.stratifiedSample(world.requests(), reference, sample);
    started = System.nanoTime();
    List<Peer> peers = Peers.create(names, world.registry());
    System.out.printf("peers %s loaded in %.1f s%n", names, (System.nanoTime() - started) / 1e9);
    started = System.nanoTime();
    try {
      long checks = DifferentialGate.check(requests, reference, peers);
      System.out.printf("differential gate: %d requests x %d peers = %d verdicts identical to pactbridge, every reason code covered (%.1f s)%n",
          requests.size(), peers.size(), checks, (System.nanoTime() - started) / 1e9);
    } catch (DifferentialGate.Mismatch mismatch) {
      System.out.println("differential gate FAILED: " + mismatch.getMessage());
      System.exit(1);
    }
  }
}
