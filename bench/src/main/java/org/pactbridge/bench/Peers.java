package org.pactbridge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pactbridge.bench.gate.GluePeer;
import org.pactbridge.bench.gate.HopWindows;
import org.pactbridge.bench.gate.PactbridgePeer;
import org.pactbridge.bench.gate.Peer;
import org.pactbridge.bench.gate.WindowScanOracle;
import org.pactbridge.core.registry.Registry;

/** Builds the peers by name over one registry. */
public final class Peers {
  /** The peers the benchmark compares against, in report order. */
  public static final List<String> ENGINES = List.of("jcasbin", "cedar", "authzforce");
  /** Plain-Java self-checks of the shared glue and of the exported windows. */
  public static final List<String> SELF_CHECKS = List.of("glue-hopcheck", "glue-windows");

  private Peers() {}

  public static Peer create(String name, Registry registry, Map<String, List<HopWindows.Window>> windows) {
    return switch (name) {
      case "glue-hopcheck" -> new GluePeer(name, registry, PactbridgePeer.hopCheckOracle(registry));
      case "jcasbin" -> new org.pactbridge.bench.peer.CasbinPeer(registry, windows);
      case "cedar" -> new org.pactbridge.bench.peer.CedarPeer(registry, windows);
      case "authzforce" -> new org.pactbridge.bench.peer.AuthzForcePeer(registry, windows);
      case "glue-windows" -> new GluePeer(name, registry, new WindowScanOracle(windows));
      default -> throw new IllegalArgumentException("unknown peer '" + name + "' (known: " + ENGINES + ", " + SELF_CHECKS + ")");
    };
  }

  /** The glue of a peer built here, for workloads that drive its engine hop by hop. */
  public static org.pactbridge.bench.gate.ReleaseRules rules(Peer peer) {
    if (peer instanceof org.pactbridge.bench.peer.CasbinPeer casbin) {
      return casbin.rules();
    }
    if (peer instanceof org.pactbridge.bench.peer.CedarPeer cedar) {
      return cedar.rules();
    }
    if (peer instanceof org.pactbridge.bench.peer.AuthzForcePeer authzforce) {
      return authzforce.rules();
    }
    throw new IllegalArgumentException("no hop-by-hop glue for " + peer.name());
  }

  public static List<Peer> create(List<String> names, Registry registry) {
    Map<String, List<HopWindows.Window>> windows = HopWindows.of(registry);
    List<Peer> peers = new ArrayList<>();
    for (String name : names) {
      peers.add(create(name, registry, windows));
    }
    return peers;
  }
}
