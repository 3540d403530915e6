package org.pactbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pactbridge.core.audit.Checkpoint;
import org.pactbridge.core.audit.Verification;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.service.OperatorServices;
import org.pactbridge.service.ServiceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pactbridge audit verify|checkpoint}: the tamper-evident log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Verify or checkpoint the audit log.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.SignCheckpoint.class})
final class AuditCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Exit 0 and OK when the chain verifies; exit 1 naming the first entry that is wrong otherwise; exit 2
   * for bad input (a head file that cannot be read, a store that cannot be opened).
   */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = {"Walk the whole audit chain against its signed heads and the head file beside the node's keys.",
          "Prints OK and exits 0, or names the first altered, missing, reordered or unsigned entry and exits 1.",
          "With --witnesses, also one line per peer: the checkpoint of this log it holds cosigned against the local log (OK, NOT_WITNESSED,",
          "ROLLED_BACK, FORKED, UNREACHABLE, INVALID); exits 1 on any but the first two."})
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions store = new StoreOptions();

    @Option(names = "--head-file", paramLabel = "FILE",
        description = "Also check the chain against this head file (another instance's audit-head, copied); repeatable.")
    List<Path> headFiles = List.of();

    @Option(names = "--witnesses",
        description = "Also ask every peer (--peers) for the cosigned checkpoint of this node's log it holds, and show that the local log is"
            + " consistent with it: a rolled-back or forked log is named with the peer and the sizes, and exits 1.")
    boolean witnesses;

    @Option(names = "--party", paramLabel = "PARTY", description = "With --witnesses: the nation of this node (default: ${DEFAULT-VALUE}).")
    String party = "KOR";

    @Option(names = "--federation-tls", paramLabel = "DIR", description = "With --witnesses: this node's PKI folder, as pki init made it.")
    Path federationTls;

    @Option(names = "--peers", paramLabel = "FILE", description = "With --witnesses: the peers file (docs/federation.md).")
    Path peers;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (Path file : headFiles) {
        if (!Files.isReadable(file)) {
          throw new BadInputException("cannot read the head file " + file);
        }
      }
      if (witnesses && (federationTls == null || peers == null)) {
        throw new BadInputException("--witnesses needs --federation-tls DIR and --peers FILE (the node's PKI folder and peers file)");
      }
      if (witnesses && (!Files.isDirectory(federationTls) || !Files.isReadable(peers))) {
        throw new BadInputException("cannot read the PKI folder " + federationTls + " or the peers file " + peers);
      }
      try (OperatorServices opened = store.open(spec.commandLine().getErr())) {
        Verification verification;
        try {
          verification = opened.verifyAudit(headFiles);
        } catch (ServiceException e) {
          throw new BadInputException(e.getMessage());
        }
        int status;
        if (verification instanceof Verification.Intact intact) {
          out.printf("OK: %d entries, head %s, %d signed checkpoint%s%n", intact.entries(), intact.headHex(), intact.checkpoints(),
              intact.checkpoints() == 1 ? "" : "s");
          status = 0;
        } else {
          Verification.Broken broken = (Verification.Broken) verification;
          out.printf("FAILED: %s entry %d: %s%n", broken.problem(), broken.seq(), broken.message());
          status = 1;
        }
        if (witnesses) {
          status = Math.max(status, AuditCommand.witnesses(opened, out, PartyCode.of(party), federationTls, peers));
        }
        return status;
      }
    }
  }

  /**
   * One line per peer: {@code PEER  STATUS  detail}. 1 when any peer shows a problem (rolled back, forked,
   * unreachable, a cosignature that does not verify), 0 otherwise; a peer that holds nothing yet is no problem.
   */
  static int witnesses(OperatorServices opened, PrintWriter out, PartyCode self, Path tlsDir, Path peersFile) {
    org.pactbridge.server.FederationTrust trust = new org.pactbridge.server.FederationTrust(self, tlsDir, peersFile);
    java.time.Clock real = java.time.Clock.systemUTC();
    org.pactbridge.service.AuditWitnesses witnesses = opened.witnesses(new org.pactbridge.server.HttpPeerChannel(trust, real),
        new org.pactbridge.server.CertNodeSignatures(trust, real));
    List<org.pactbridge.service.AuditWitnesses.Check> checks = witnesses.verify();
    if (checks.isEmpty()) {
      out.println("WITNESSES: the peers file names no peer");
      return 1;
    }
    int status = 0;
    for (org.pactbridge.service.AuditWitnesses.Check check : checks) {
      out.printf("%-4s %-13s %s%n", check.peer().value(), check.status().name(), check.detail());
      if (check.status().problem()) {
        status = 1;
      }
    }
    return status;
  }

  /** Shows the signed head of the current head, signing it if the chain ends in v1 entries (every v2 commit is signed already). */
  @Command(name = "checkpoint", mixinStandardHelpOptions = true,
      description = {"Show the signed head of the audit log's current head; a chain that ends in v1 entries is signed now.",
          "Exits 1 when the head's signed head is missing or differs (run audit verify)."})
  static final class SignCheckpoint implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions store = new StoreOptions();

    @Override
    public Integer call() {
      try (OperatorServices opened = store.open(spec.commandLine().getErr())) {
        java.util.Optional<Checkpoint> checkpoint;
        try {
          checkpoint = opened.checkpoint();
        } catch (ServiceException e) {
          spec.commandLine().getErr().println("pactbridge: " + e.getMessage());
          return 1;
        }
        if (checkpoint.isEmpty()) {
          spec.commandLine().getOut().println("the audit log is empty: nothing to sign");
        } else {
          Checkpoint signed = checkpoint.get();
          spec.commandLine().getOut().printf("checkpoint at entry %d, hash %s, signed %s%s%n", signed.seq(), signed.hashHex(), signed.at(),
              signed.rootHex().map(root -> ", Merkle tree head " + root).orElse(""));
        }
        return 0;
      }
    }
  }
}
