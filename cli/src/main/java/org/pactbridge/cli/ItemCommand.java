package org.pactbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pactbridge.api.request.DecisionBody;
import org.pactbridge.api.request.RequestForm;
import org.pactbridge.api.request.RequestReader;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.service.OperatorServices;
import org.pactbridge.service.ServiceException;
import org.pactbridge.world.WorldLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pactbridge item add|import|list}: register classified items, one or many, and list them. */
@Command(name = "item", mixinStandardHelpOptions = true, description = "Register classified items, one or many, and list them.",
    subcommands = {ItemCommand.Add.class, ItemImportCommand.class, ItemCommand.ListItems.class})
final class ItemCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The registry levels are read against: the stored one once a world is imported, else the reference world. */
  static Registry registryOf(OperatorServices store) {
    return store.storedRegistry().orElseGet(WorldLoader::reference);
  }

  /**
   * Registers one item: the label from {@code --marking} (read by the marking parser; a flag that
   * contradicts it is bad input) or from {@code --originator}, {@code --level}, {@code --rel-to} or
   * {@code --noforn} and {@code --orcon}; topics from {@code --topics} and the marking; the content from a
   * file. The marking is kept with the item as given.
   */
  @Command(name = "add", mixinStandardHelpOptions = true, description = "Register a classified item: its label, and its content from a file.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions store = new StoreOptions();

    @Mixin RemoteNode node = new RemoteNode();

    @Option(names = "--marking", paramLabel = "MARKING",
        description = "The item's marking (e.g. \"//KOR II//REL TO USA, JPN\"); replaces --originator, --level, --rel-to, --noforn and --orcon,"
            + " and is kept with the item as given.")
    String marking;

    @Option(names = "--originator", paramLabel = "PARTY[,PARTY]", split = ",", description = "The originator(s); several for a JOINT item.")
    List<String> originators;

    @Option(names = "--level", paramLabel = "LEVEL", description = "The level in the first originator's scheme (code, native name or alias).")
    String level;

    @Option(names = "--rel-to", paramLabel = "LIST", split = ",", description = "REL TO parties and communities.")
    List<String> relTo;

    @Option(names = "--noforn", description = "Not releasable to foreign nationals.")
    boolean noforn;

    @Option(names = "--orcon", description = "Originator-controlled: every release beyond the originator needs its approval.")
    boolean orcon;

    @Option(names = "--topics", paramLabel = "LIST", description = "Comma-separated topic slugs.")
    String topics;

    @Option(names = "--declassify", paramLabel = "DATE", description = "The declassification date.")
    String declassify;

    @Option(names = "--file", paramLabel = "FILE", required = true, description = "The content; stored encrypted, never printed.")
    Path file;

    @Option(names = "--json", description = "Print the registered item as one JSON document ({\"id\": …, …}; never content or title).")
    boolean json;

    @Option(names = "--title", paramLabel = "TEXT",
        description = "The item's title (one line, at most 200 characters); protected like the content: stored encrypted, never printed.")
    String title;

    @Override
    public Integer call() {
      // A usage error, told before the file is read; RequestReader checks the label itself.
      if (marking == null && (originators == null || originators.isEmpty() || level == null)) {
        throw new BadInputException("give --marking, or --originator and --level");
      }
      byte[] content;
      try {
        content = Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        throw new BadInputException("no such file: " + file);
      } catch (IOException e) {
        throw new BadInputException("cannot read " + file + ": " + e.getMessage());
      }
      if (node.given()) {
        return addThroughNode(node.client(store), content);
      }
      ItemTitle itemTitle = ItemTitle.of(title);
      Instant now = Instant.now();
      try (OperatorServices opened = store.open(spec.commandLine().getErr(), true)) {
        Registry registry = registryOf(opened);
        RequestReader.Label label = RequestReader.label(registry, RequestForm.OPTIONS, DecisionBody.label(originators, level,
            topics == null ? null : List.of(topics), relTo, noforn ? Boolean.TRUE : null, orcon ? Boolean.TRUE : null, marking), now);
        Set<Topic> topicSet = new LinkedHashSet<>(label.topics());
        Instant declassifyOn = declassify == null ? null : DateSpec.parseInstant(declassify);
        if (label.marked() != null) {
          topicSet.addAll(label.marked().topics());
          if (declassifyOn == null) {
            declassifyOn = label.marked().declassifyOn();
          }
        }
        Item item;
        try {
          item = opened.registerItem(List.copyOf(label.originators()), label.level(), label.releasability(), label.orcon(), topicSet,
              declassifyOn, marking == null ? "" : marking, content, itemTitle, now, StoreOptions.operator());
        } catch (ServiceException e) {
          throw new BadInputException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          com.fasterxml.jackson.databind.node.ObjectNode node = org.pactbridge.api.json.Json.MAPPER.createObjectNode();
          node.put("id", item.id().value());
          com.fasterxml.jackson.databind.node.ArrayNode originatorArray = node.putArray("originators");
          item.originators().forEach(party -> originatorArray.add(party.value()));
          node.put("level", item.level().qualified());
          node.put("releasability", item.releasability().toString());
          node.put("orcon", item.orcon());
          com.fasterxml.jackson.databind.node.ArrayNode topicArray = node.putArray("topics");
          item.sortedTopics().forEach(topic -> topicArray.add(topic.slug()));
          node.put("marking", item.marking());
          node.put("bytes", content.length);
          node.put("contentSha256", item.contentSha256());
          node.put("titled", !itemTitle.isEmpty());
          node.put("created", DateSpec.format(item.created()));
          out.println(org.pactbridge.api.json.Json.write(node, false));
          return 0;
        }
        out.printf("registered item %s: %s %s%s, %d bytes, sha256 %s%s, signed by this node%n", item.id(), item.level().qualified(),
            item.releasability(), item.orcon() ? " ORCON" : "", content.length, item.contentSha256(), itemTitle.isEmpty() ? "" : ", titled");
      }
      return 0;
    }

    /**
     * {@code item add --node URL}: {@code POST /api/v1/items} as the token's user (an originator of the
     * node's nation), the label read by the node as it reads a decision's. The API takes the content as
     * text, so a file that is not UTF-8 text is refused here, before anything is sent.
     */
    private int addThroughNode(RemoteNode.Client client, byte[] content) {
      String text;
      try {
        text = java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(content)).toString();
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new BadInputException("--node sends the content as text and " + file + " is not UTF-8 text; register it on the node's host with the"
            + " node stopped (H2), or with --db (PostgreSQL)");
      }
      com.fasterxml.jackson.databind.node.ObjectNode body = org.pactbridge.api.json.Json.MAPPER.createObjectNode();
      if (marking != null) {
        body.put("marking", marking);
      }
      if (originators != null) {
        originators.forEach(body.putArray("originator")::add);
      }
      if (level != null) {
        body.put("level", level);
      }
      if (topics != null) {
        body.put("topics", topics);
      }
      if (relTo != null) {
        relTo.forEach(body.putArray("relTo")::add);
      }
      if (noforn) {
        body.put("noforn", true);
      }
      if (orcon) {
        body.put("orcon", true);
      }
      if (declassify != null) {
        body.put("declassifyOn", declassify);
      }
      if (title != null) {
        body.put("title", title);
      }
      body.put("content", text);
      com.fasterxml.jackson.databind.JsonNode item = client.postJson("/api/v1/items", body).json();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        com.fasterxml.jackson.databind.node.ObjectNode shown = ((com.fasterxml.jackson.databind.node.ObjectNode) item).deepCopy();
        shown.remove("title"); // protected like the content: never printed
        shown.put("bytes", content.length);
        shown.put("titled", title != null && !title.isEmpty());
        out.println(org.pactbridge.api.json.Json.write(shown, false));
        return 0;
      }
      out.printf("registered item %s: %s %s%s, %d bytes, sha256 %s%s, signed by the node at %s%n", item.path("id").asText(),
          item.path("level").asText(), releasability(item), item.path("orcon").asBoolean() ? " ORCON" : "", content.length,
          item.path("contentSha256").asText(), title == null || title.isEmpty() ? "" : ", titled", client.base());
      return 0;
    }
  }

  /** An item's releasability as the node's JSON gives it, written as {@code Releasability} writes itself. */
  static String releasability(com.fasterxml.jackson.databind.JsonNode item) {
    if (item.path("noforn").asBoolean()) {
      return "NOFORN";
    }
    List<String> relTo = new java.util.ArrayList<>();
    item.path("relTo").forEach(entry -> relTo.add(entry.asText()));
    return relTo.isEmpty() ? "(open)" : "REL TO " + String.join(", ", relTo);
  }

  /** Lists items in registration order, label only, never content. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List registered items (labels only, never content).")
  static final class ListItems implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin StoreOptions store = new StoreOptions();

    @Mixin RemoteNode node = new RemoteNode();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N items (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Skip the first N items.")
    int offset;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      if (node.given()) {
        // The items the token's user may see, as GET /api/v1/items pages them (at most 1,000 a page).
        if (offset < 0 || limit < 1 || limit > 1000) {
          throw new BadInputException("with --node, --offset is at least 0 and --limit between 1 and 1000");
        }
        com.fasterxml.jackson.databind.JsonNode items = node.client(store).get("/api/v1/items?offset=" + offset + "&limit=" + limit).json();
        com.fasterxml.jackson.databind.JsonNode list = items.isArray() ? items : items.path("items");
        out.printf("%-36s %-20s %-18s %-6s %-24s %-24s %s%n", "ID", "CREATED", "LEVEL", "ORCON", "RELEASABILITY", "TOPICS", "MARKING");
        for (com.fasterxml.jackson.databind.JsonNode item : list) {
          List<String> topicList = new java.util.ArrayList<>();
          item.path("topics").forEach(topic -> topicList.add(topic.asText()));
          String created = item.path("created").asText();
          out.printf("%-36s %-20s %-18s %-6s %-24s %-24s %s%n", item.path("id").asText(),
              DateSpec.format(DateSpec.parseInstant(created).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), item.path("level").asText(),
              item.path("orcon").asBoolean() ? "ORCON" : "", releasability(item), String.join(",", topicList), item.path("marking").asText());
        }
        out.printf("%d items that the node's user may see%n", list.size());
        return 0;
      }
      try (OperatorServices opened = store.open(spec.commandLine().getErr(), true)) {
        List<Item> items = opened.listItems(registryOf(opened), offset, limit);
        out.printf("%-36s %-20s %-18s %-6s %-24s %-24s %s%n", "ID", "CREATED", "LEVEL", "ORCON", "RELEASABILITY", "TOPICS", "MARKING");
        for (Item item : items) {
          out.printf("%-36s %-20s %-18s %-6s %-24s %-24s %s%n", item.id(), DateSpec.format(item.created().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
              item.level().qualified(), item.orcon() ? "ORCON" : "", item.releasability(),
              String.join(",", item.sortedTopics().stream().map(Topic::slug).toList()), item.marking());
        }
        out.printf("%d of %d items%n", items.size(), opened.itemCount());
      }
      return 0;
    }
  }
}
