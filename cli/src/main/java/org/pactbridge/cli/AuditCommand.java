package org.pactbridge.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.pactbridge.core.audit.Checkpoint;
import org.pactbridge.core.audit.Verification;
import org.pactbridge.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  /** Exit 0 and OK when the chain verifies; exit 1 naming the first altered, missing or reordered entry otherwise. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = {"Walk the whole audit chain, its head and its signed checkpoints.",
          "Prints OK and exits 0, or names the first altered, missing or reordered entry and exits 1."})
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions store = new StoreOptions();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Store opened = store.open(spec.commandLine().getErr())) {
        Verification verification = opened.audit().verify();
        if (verification instanceof Verification.Intact intact) {
          out.printf("OK: %d entries, head %s, %d signed checkpoint%s%n", intact.entries(), intact.headHex(), intact.checkpoints(),
              intact.checkpoints() == 1 ? "" : "s");
          return 0;
        }
        Verification.Broken broken = (Verification.Broken) verification;
        out.printf("FAILED: %s entry %d: %s%n", broken.problem(), broken.seq(), broken.message());
        return 1;
      }
    }
  }

  /** Signs the current head now. */
  @Command(name = "checkpoint", mixinStandardHelpOptions = true, description = "Sign the current head of the audit log with the node key.")
  static final class SignCheckpoint implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions store = new StoreOptions();

    @Override
    public Integer call() {
      try (Store opened = store.open(spec.commandLine().getErr())) {
        var checkpoint = opened.audit().checkpoint();
        if (checkpoint.isEmpty()) {
          spec.commandLine().getOut().println("the audit log is empty: nothing to sign");
        } else {
          Checkpoint signed = checkpoint.get();
          spec.commandLine().getOut().printf("checkpoint at entry %d, hash %s, signed %s%n", signed.seq(), signed.hashHex(), signed.at());
        }
        return 0;
      }
    }
  }
}
