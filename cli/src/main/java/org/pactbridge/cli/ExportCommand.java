package org.pactbridge.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.service.OperatorServices;
import org.pactbridge.service.ServiceException;
import org.pactbridge.world.WorldWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pactbridge export DIR}: write the stored registry out as a world that {@code --data DIR} and {@code import} read. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write the stored world (parties, schemes, agreements, timelines, provisions) to DIR in the --data format.")
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin StoreOptions store = new StoreOptions();

  @Parameters(paramLabel = "DIR", description = "An empty or new folder.")
  Path dir;

  @Override
  public Integer call() {
    Registry registry;
    try (OperatorServices opened = store.open(spec.commandLine().getErr())) {
      registry = opened.requireStoredRegistry();
    } catch (ServiceException e) {
      throw new BadInputException(e.getMessage());
    }
    List<Path> files = WorldWriter.write(registry, dir, "exported by pactbridge");
    spec.commandLine().getOut().printf("exported %d agreements and %d parties to %s (%d files)%n",
        registry.agreements().size(), registry.parties().size(), dir, files.size());
    return 0;
  }
}
