package org.pactbridge.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.service.NodeKeyring;
import org.pactbridge.service.OperatorServices;
import org.pactbridge.service.ServiceException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pactbridge keys list|rotate|retire}: the node's ZTDF keys (the key access service's RSA key pairs
 * and the assertion signing key). Rotation and retirement are audited as the local operator. Private
 * parts are never printed. A running node sees a rotation at once (it reads the active key from the
 * store); a retirement is seen by a running node after its restart.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "List, rotate and retire the node's ZTDF keys (KAS and assertion).",
    subcommands = {KeysCommand.ListKeys.class, KeysCommand.Rotate.class, KeysCommand.Retire.class})
final class KeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Lists every key, oldest first: kid, purpose, status and dates; {@code --json} for scripts. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the node's keys (never their private parts).")
  static final class ListKeys implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions store = new StoreOptions();

    @Option(names = "--json", description = "Print JSON: [{kid, purpose, status, created, superseded, retired}].")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (OperatorServices opened = store.open(spec.commandLine().getErr())) {
        List<NodeKeyring.KeyView> keys = opened.keyring(StoreOptions.operator()).views();
        if (json) {
          ArrayNode array = Json.MAPPER.createArrayNode();
          for (NodeKeyring.KeyView key : keys) {
            ObjectNode node = array.addObject();
            node.put("kid", key.kid());
            node.put("purpose", key.kind().name());
            node.put("status", key.status());
            node.put("created", DateSpec.format(key.created()));
            node.put("superseded", key.superseded().map(DateSpec::format).orElse(null));
            node.put("retired", key.retired().map(DateSpec::format).orElse(null));
          }
          out.println(Json.write(array, false));
        } else {
          out.printf("%-28s %-10s %-11s %-22s %s%n", "KID", "PURPOSE", "STATUS", "CREATED", "SUPERSEDED / RETIRED");
          for (NodeKeyring.KeyView key : keys) {
            out.printf("%-28s %-10s %-11s %-22s %s%n", key.kid(), key.kind(), key.status(), DateSpec.format(key.created()),
                key.retired().map(at -> "retired " + DateSpec.format(at))
                    .orElse(key.superseded().map(at -> "superseded " + DateSpec.format(at)).orElse("")));
          }
          out.printf("%d keys%n", keys.size());
        }
      }
      return 0;
    }
  }

  /** Which key to rotate: exactly one of the two. */
  static final class Which {
    @Option(names = "--kas", required = true, description = "The key access service's key pair (archives wrap data keys for it).")
    boolean kas;

    @Option(names = "--assertion", required = true, description = "The assertion signing key.")
    boolean assertion;
  }

  /** Makes a new active key; the old one is superseded (a superseded KAS key still unwraps until retired). */
  @Command(name = "rotate", mixinStandardHelpOptions = true,
      description = "Rotate the KAS or the assertion key; the superseded KAS key keeps unwrapping until it is retired (audited).")
  static final class Rotate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions store = new StoreOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Override
    public Integer call() {
      NodeKeyring.Kind kind = which.kas ? NodeKeyring.Kind.KAS : NodeKeyring.Kind.ASSERTION;
      try (OperatorServices opened = store.open(spec.commandLine().getErr())) {
        NodeKeyring keyring = opened.keyring(StoreOptions.operator());
        NodeKeyring.KeyView key = keyring.rotate(kind, StoreOptions.operator());
        spec.commandLine().getOut().printf("rotated the %s key: %s is now active%n", kind, key.kid());
      }
      return 0;
    }
  }

  /** Retires a superseded key: its private part is erased; archives wrapped for it no longer open. */
  @Command(name = "retire", mixinStandardHelpOptions = true,
      description = "Retire a superseded key: its private part is erased, archives wrapped only for it no longer open (audited).")
  static final class Retire implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions store = new StoreOptions();

    @Parameters(paramLabel = "KID", description = "The key's id, as keys list shows it.")
    String kid;

    @Override
    public Integer call() {
      try (OperatorServices opened = store.open(spec.commandLine().getErr())) {
        NodeKeyring.KeyView key;
        try {
          key = opened.keyring(StoreOptions.operator()).retire(kid, StoreOptions.operator());
        } catch (ServiceException e) {
          throw new BadInputException(e.getMessage());
        }
        spec.commandLine().getOut().printf("retired %s (%s); a running node drops it at its next start%n", key.kid(), key.kind());
      }
      return 0;
    }
  }
}
