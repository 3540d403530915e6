package org.pactbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.service.OperatorServices;
import org.pactbridge.service.ServiceException;
import org.pactbridge.world.WorldLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pactbridge import DIR}: load a world into the store, in one transaction. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Load a world (the --data format) into the store: new parties and agreements are added, new timeline events",
        "appended; anything that would edit or remove what is stored is refused and nothing is written.",
        "DIR 'reference' imports the built-in reference world."})
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin StoreOptions store = new StoreOptions();

  @Parameters(paramLabel = "DIR", description = "The world folder (its world.yaml), or 'reference'.")
  String dir;

  @Override
  public Integer call() {
    Registry registry = dir.equals("reference") ? WorldLoader.reference() : WorldLoader.load(Path.of(dir));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean terminal = System.console() != null;
    try (OperatorServices opened = store.open(spec.commandLine().getErr())) {
      OperatorServices.Imported report;
      try {
        report = opened.importRegistry(registry, StoreOptions.operator(), Instant.now(), (done, total) -> {
          if (terminal && (done % 5 == 0 || done == total)) {
            err.printf("\rimporting agreements: %d/%d", done, total);
            err.flush();
          }
        });
      } catch (ServiceException e) {
        throw new BadInputException(e.getMessage());
      } finally {
        if (terminal) {
          err.println();
        }
      }
      out.printf("imported %s into %s: %d sources, %d parties, %d communities, %d agreements, %d timeline events, %d provision versions,"
              + " %d known partners added; %d unchanged%n",
          dir, opened.displayUrl(), report.sources(), report.parties(), report.communities(), report.agreements(), report.events(),
          report.versions(), report.knownPartners(), report.unchanged());
    }
    return 0;
  }
}
