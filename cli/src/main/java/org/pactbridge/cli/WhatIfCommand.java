package org.pactbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.pactbridge.api.json.Json;
import org.pactbridge.api.json.WhatIfJson;
import org.pactbridge.api.request.Bodies;
import org.pactbridge.api.request.WhatIfBody;
import org.pactbridge.core.coverage.CoverageCell;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.whatif.CellChange;
import org.pactbridge.core.whatif.DecisionChange;
import org.pactbridge.core.whatif.WhatIf;
import org.pactbridge.core.whatif.WhatIfResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pactbridge whatif FILE}: apply hypothetical events and show the coverage cells and decisions that change. */
@Command(name = "whatif", mixinStandardHelpOptions = true,
    description = {"Apply the hypothetical events and agreements of FILE (JSON, the body of POST /api/v1/whatif) and show what changes.",
      "Exit status: 0 when the comparison was made, 2 for bad input."})
final class WhatIfCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin WorldOptions world = new WorldOptions();

  @Parameters(index = "0", paramLabel = "FILE", description = "The what-if file.")
  Path file;

  @Option(names = "--json", description = "Print the answer as one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    Registry registry = world.registry();
    WhatIfBody body;
    try {
      body = Bodies.readerFor(WhatIfBody.class).readValue(Files.readAllBytes(file));
    } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
      throw new BadInputException(file + ": unknown field '" + e.getPropertyName() + "' at line " + e.getLocation().getLineNr());
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new BadInputException(file + ": malformed JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getClass().getSimpleName());
    }
    if (body == null) {
      throw new BadInputException(file + ": empty file");
    }
    Instant at = body.instant(world.instant());
    WhatIfResult result = new WhatIf(registry).compare(body.hypothesis(registry), at, body.topicSet(), body.partyCodes(registry),
        body.probes(registry, at));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(WhatIfJson.result(result), true));
      return 0;
    }
    out.printf("What if, at %s%n", DateSpec.format(at));
    if (result.changesNothing()) {
      out.println("  nothing changes");
    }
    if (!result.cells().isEmpty()) {
      out.println("  coverage (originator -> recipient: DIRECT/RELAY before => after):");
      for (CellChange change : result.cells()) {
        out.printf("    %s -> %s  %s => %s%n", change.before().from(), change.before().to(), text(change.before()), text(change.after()));
      }
    }
    if (!result.decisions().isEmpty()) {
      out.println("  decisions:");
      for (DecisionChange change : result.decisions()) {
        out.printf("    %s  %s => %s%n", change.probe().id(), change.before().outcome(), change.after().outcome());
      }
    }
    return 0;
  }

  private static String text(CoverageCell cell) {
    return cell.direct().map(level -> level.code()).orElse("-") + "/" + cell.relay().map(level -> level.code()).orElse("-")
        + (cell.relaySanctioned() ? "*" : "");
  }
}
