package org.pactbridge.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.registry.FidelityReport;
import org.pactbridge.core.registry.FidelityReport.Fact;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.registry.Source;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pactbridge world}: questions about the world itself rather than about a decision. */
@Command(
    name = "world",
    mixinStandardHelpOptions = true,
    description = "Questions about the world's data itself.",
    subcommands = {WorldCommand.Report.class, CommandLine.HelpCommand.class})
final class WorldCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code pactbridge world report}: how faithfully the world follows its sources: every modelled fact
   * (kind, subject, field, why), every fact that cites no source and is not marked assumed (a faithful
   * world has none), and every source that no fact uses.
   */
  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description = {
        "List every modelled fact that no source gives (kind, agreement, field, why), every unsourced fact not marked assumed,"
            + " and every source that no fact uses.",
        "Exit status: 0 when the report was made, 2 for bad input."
      })
  static final class Report implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin WorldOptions world = new WorldOptions();

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
      Registry registry = world.registry();
      FidelityReport report = FidelityReport.of(registry);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("modelledCount", report.modelled().size());
        node.put("unmarkedCount", report.unmarked().size());
        node.put("unusedSourceCount", report.unusedSources().size());
        facts(node.putArray("modelled"), report.modelled());
        facts(node.putArray("unmarked"), report.unmarked());
        ArrayNode unused = node.putArray("unusedSources");
        report.unusedSources().forEach(unused::add);
        out.println(Json.write(node, true));
        return 0;
      }
      out.printf("Modelled facts that no source gives (marked assumed): %d%n", report.modelled().size());
      print(out, report.modelled());
      out.printf("Facts that cite no source and are not marked assumed: %d%n", report.unmarked().size());
      print(out, report.unmarked());
      out.printf("Sources that no fact uses: %d%n", report.unusedSources().size());
      for (String id : report.unusedSources()) {
        Source source = registry.sources().get(id);
        out.printf("  %-5s %s%n", id, source.publisher());
      }
      return 0;
    }

    private static void facts(ArrayNode array, List<Fact> facts) {
      for (Fact fact : facts) {
        ObjectNode item = array.addObject();
        item.put("kind", fact.kind());
        item.put("subject", fact.subject());
        item.put("field", fact.field());
        item.put("why", fact.why());
      }
    }

    private static void print(PrintWriter out, List<Fact> facts) {
      for (Fact fact : facts) {
        out.printf("  %-11s %-26s %s: %s%n", fact.kind(), fact.subject(), fact.field(), fact.why());
      }
    }
  }
}
