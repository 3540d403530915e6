package org.pactbridge.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.coverage.Coverage;
import org.pactbridge.core.coverage.CoverageCell;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.time.DateSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pactbridge coverage}: the pair × pair matrix of the highest releasable level at an instant. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
    description = {
      "Show, for each ordered pair of parties, the originator's highest level releasable directly and through a relay.",
      "Cell: DIRECT/RELAY, '-' for none; a relay marked * is sanctioned by an arrangement."
    })
final class CoverageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin WorldOptions world = new WorldOptions();

  @Option(names = "--parties", paramLabel = "PARTY[,PARTY]|all", split = ",", description = "The parties to show (default: KOR,JPN,USA; 'all' for every party).")
  List<String> parties = new ArrayList<>(List.of("KOR", "JPN", "USA"));

  @Option(names = "--topics", paramLabel = "TOPIC[,TOPIC]", description = "Topics of the item considered (default none: only unrestricted scopes).")
  String topics;

  @Option(names = "--json", description = "Print the cells as a JSON array.")
  boolean json;

  @Override
  public Integer call() {
    Registry registry = world.registry();
    Instant at = world.instant();
    List<PartyCode> codes = new ArrayList<>();
    if (parties.size() == 1 && parties.get(0).equalsIgnoreCase("all")) {
      for (Party party : registry.parties()) {
        codes.add(party.code());
      }
    } else {
      for (String token : parties) {
        codes.add(registry.requireParty(token).code());
      }
    }
    List<CoverageCell> cells = new Coverage(new ReleaseEngine(registry)).compute(at, Topic.parseList(topics), codes);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ArrayNode array = Json.MAPPER.createArrayNode();
      cells.forEach(cell -> array.add(Json.coverageCell(cell)));
      out.println(Json.write(array, true));
      return 0;
    }
    Map<String, CoverageCell> byPair = new HashMap<>();
    cells.forEach(cell -> byPair.put(cell.from() + ">" + cell.to(), cell));
    int width = 8;
    for (CoverageCell cell : cells) {
      width = Math.max(width, text(cell).length() + 2);
    }
    out.printf("Coverage at %s (rows: originator, columns: recipient; DIRECT/RELAY, * = sanctioned relay)%n", DateSpec.format(at));
    StringBuilder header = new StringBuilder(String.format("%-6s", ""));
    for (PartyCode to : codes) {
      header.append(String.format("%-" + width + "s", to));
    }
    out.println(header.toString().stripTrailing());
    for (PartyCode from : codes) {
      StringBuilder row = new StringBuilder(String.format("%-6s", from));
      for (PartyCode to : codes) {
        row.append(String.format("%-" + width + "s", from.equals(to) ? "." : text(byPair.get(from + ">" + to))));
      }
      out.println(row.toString().stripTrailing());
    }
    return 0;
  }

  private static String text(CoverageCell cell) {
    String direct = cell.direct().map(level -> level.code()).orElse("-");
    String relay = cell.relay().map(level -> level.code()).orElse("-");
    return direct + "/" + relay + (cell.relaySanctioned() ? "*" : "");
  }
}
