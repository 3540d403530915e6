package org.pactbridge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.pactbridge.api.json.Json;
import org.pactbridge.api.request.DecisionBody;
import org.pactbridge.api.request.RequestException;
import org.pactbridge.api.request.RequestForm;
import org.pactbridge.api.request.RequestReader;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.service.ItemArchives;
import org.pactbridge.service.ItemImports;
import org.pactbridge.service.OperatorServices;
import org.pactbridge.service.ServiceException;
import org.pactbridge.tdf.TdfException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pactbridge item import FILE|DIR}: many items at once. A file is JSON Lines, one item a line:
 * {@code {"id": UUID (optional), "marking": "…", "topics": […], "title": "…" (optional), "content": base64}}.
 * Good lines are stored in batches, each batch signed once (a Merkle tree) and written in one transaction
 * with one audit entry; an item whose id (or, without one, whose content) is already stored is skipped, so
 * the same command run again after an interruption stores every item exactly once. A bad line is reported
 * on standard error with its number (and column, for JSON syntax) and stored not at all; more than
 * {@code --max-errors} of them stop the import after the good lines before the last one are stored.
 * A folder is read as {@code .tdf} archives, each imported as {@code tdf import} does.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import many items: a JSON Lines file (one item a line) or a folder of .tdf archives.",
        "Each line: {\"id\": UUID (optional), \"marking\": \"…\", \"topics\": […], \"title\": \"…\" (optional), \"content\": base64}.",
        "Items already stored (the same id, or without one the same content) are skipped, so running the same command again after an"
            + " interruption stores each item exactly once. Bad lines are reported with their number and never stored; exit 2 when more than"
            + " --max-errors of them stop the import."})
final class ItemImportCommand implements Callable<Integer> {
  /** The item table's limit on a marking (and on the topics, one a line). */
  private static final int MAX_MARKING = 4000;
  private static final Set<String> FIELDS = Set.of("id", "marking", "topics", "title", "content");
  /** One line is one JSON value: nothing may follow it, and no field may come twice. */
  private static final com.fasterxml.jackson.databind.ObjectReader LINE = Json.MAPPER.reader()
      .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .with(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  @Spec CommandSpec spec;

  @Mixin StoreOptions store = new StoreOptions();

  @Mixin TdfCommand.NodeOptions node = new TdfCommand.NodeOptions();

  @Parameters(paramLabel = "FILE", description = "A JSON Lines file, or a folder of .tdf archives.")
  Path source;

  @Option(names = "--json", description = "Print one summary object: {\"imported\": n, \"skipped\": n, \"seconds\": s}.")
  boolean json;

  @Option(names = "--max-errors", paramLabel = "N", defaultValue = "0",
      description = "Go on past at most N bad lines (default ${DEFAULT-VALUE}); one more stops the import (exit 2), the good lines before it stored.")
  int maxErrors;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "1000", description = "Items per signed batch and transaction (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--pg-dedup", paramLabel = "MODE", defaultValue = "PRECHECK",
      description = "PostgreSQL: PRECHECK (look ids up, then COPY into the tables) or STAGING (COPY into temporary tables, then INSERT … ON CONFLICT"
          + " DO NOTHING); default ${DEFAULT-VALUE}.")
  ItemImports.Dedup dedup;

  @Option(names = "--signer-key", paramLabel = "PEM", description = "For a folder of archives: as tdf import's --signer-key.")
  Path signerKey;

  /** Counts of the whole run. */
  private long imported;
  private long skipped;
  private long errors;

  @Override
  public Integer call() {
    if (batchSize < 1 || batchSize > 100_000) {
      throw new BadInputException("--batch must be between 1 and 100000");
    }
    if (maxErrors < 0) {
      throw new BadInputException("--max-errors must be 0 or more");
    }
    if (!Files.exists(source)) {
      throw new BadInputException("no such file: " + source);
    }
    PrintWriter err = spec.commandLine().getErr();
    long started = System.nanoTime();
    boolean stopped;
    try (OperatorServices opened = store.open(err)) {
      Registry registry = ItemCommand.registryOf(opened);
      stopped = Files.isDirectory(source) ? archives(opened, registry, err) : lines(opened, registry, err);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      var summary = Json.MAPPER.createObjectNode();
      summary.put("imported", imported);
      summary.put("skipped", skipped);
      summary.put("seconds", Math.round(seconds * 1000) / 1000.0);
      out.println(Json.write(summary, false));
    } else {
      out.printf(Locale.ROOT, "imported %d items, skipped %d already stored, %d bad %s, in %.1f s%n", imported, skipped, errors,
          Files.isDirectory(source) ? "archives" : "lines", seconds);
    }
    out.flush();
    return stopped ? 2 : 0;
  }

  /** A JSON Lines file; returns whether too many bad lines stopped it. */
  private boolean lines(OperatorServices opened, Registry registry, PrintWriter err) {
    ItemImports imports = opened.itemImports(dedup);
    Instant now = Instant.now();
    long size = sizeOf(source);
    TerminalProgress.ItemCounter progress = TerminalProgress.items(err, TerminalProgress.onTerminal(), size);
    Map<String, Object> labels = new HashMap<>();
    ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "item-import-writer");
      thread.setDaemon(true);
      return thread;
    });
    // one batch is written while the next is read: at most one in flight
    InFlight inFlight = null;
    List<ItemImports.NewItem> batch = new ArrayList<>(batchSize);
    long read = 0;
    long lineNumber = 0;
    boolean stopped = false;
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(source), decoder), 1 << 16)) {
      String text;
      while ((text = reader.readLine()) != null) {
        lineNumber++;
        read += text.length() + 1;
        if (text.isBlank()) {
          continue;
        }
        ItemImports.NewItem item;
        try {
          item = parse(text, registry, labels, now);
        } catch (BadLine bad) {
          errors++;
          err.println("pactbridge: line " + lineNumber + (bad.column > 0 ? ", column " + bad.column : "") + ": " + bad.getMessage());
          err.flush();
          if (errors > maxErrors) {
            err.println("pactbridge: stopped at line " + lineNumber + ": more than " + maxErrors + " bad line" + (maxErrors == 1 ? "" : "s")
                + " (--max-errors); the good lines before it are stored");
            stopped = true;
            break;
          }
          continue;
        }
        batch.add(item);
        if (batch.size() == batchSize) {
          inFlight = submit(writer, inFlight, imports, batch, now, progress, read);
          batch = new ArrayList<>(batchSize);
        }
      }
      inFlight = submit(writer, inFlight, imports, batch, now, progress, read);
      collect(inFlight, progress);
    } catch (CharacterCodingException e) {
      collectQuietly(inFlight);
      throw new BadInputException("line " + (lineNumber + 1) + ": not UTF-8 text; the lines before it are stored");
    } catch (IOException e) {
      collectQuietly(inFlight);
      throw new BadInputException("cannot read " + source + ": " + e.getMessage());
    } finally {
      writer.shutdownNow();
      progress.done();
    }
    return stopped;
  }

  /** A batch being written, and how far the input had been read when it was complete. */
  private record InFlight(Future<ItemImports.Batch> batch, long read) {}

  private InFlight submit(ExecutorService writer, InFlight previous, ItemImports imports, List<ItemImports.NewItem> batch, Instant now,
      TerminalProgress.ItemCounter progress, long read) {
    collect(previous, progress);
    if (batch.isEmpty()) {
      return null;
    }
    return new InFlight(writer.submit(() -> imports.importBatch(batch, now, StoreOptions.operator())), read);
  }

  /** Waits for the batch in flight and counts it; a batch the store refused stops the import (bad input). */
  private void collect(InFlight inFlight, TerminalProgress.ItemCounter progress) {
    if (inFlight == null) {
      return;
    }
    try {
      ItemImports.Batch done = inFlight.batch().get();
      imported += done.imported();
      skipped += done.skipped();
      progress.update(imported + skipped, inFlight.read());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while importing", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ServiceException refused) {
        throw new BadInputException(refused.getMessage() + "; the batches before it are stored");
      }
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
  }

  private static void collectQuietly(InFlight inFlight) {
    if (inFlight != null) {
      try {
        inFlight.batch().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException ignored) {
        // the error being reported is the reading one
      }
    }
  }

  /** A line that cannot be imported: what is wrong, never the line's content or title. */
  private static final class BadLine extends Exception {
    private static final long serialVersionUID = 1L;
    final int column;

    BadLine(String message, int column) {
      super(message, null, false, false);
      this.column = column;
    }

    BadLine(String message) {
      this(message, 0);
    }
  }

  /** One line as an item to import. Messages name fields and positions only: never the content, the title or a JSON token. */
  private static ItemImports.NewItem parse(String text, Registry registry, Map<String, Object> labels, Instant now) throws BadLine {
    JsonNode node;
    try {
      node = LINE.readTree(text);
    } catch (JsonProcessingException e) {
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw new BadLine("not valid JSON", Math.max(column, 1));
    }
    if (node == null || !node.isObject()) {
      throw new BadLine("not a JSON object", 1);
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new BadLine("unknown field \"" + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "\" (id, marking, topics, title, content)");
      }
    }
    ItemId id = null;
    JsonNode idNode = node.get("id");
    if (idNode != null && !idNode.isNull()) {
      if (!idNode.isTextual()) {
        throw new BadLine("id: not a string");
      }
      try {
        String canonical = UUID.fromString(idNode.textValue()).toString();
        if (!canonical.equalsIgnoreCase(idNode.textValue())) {
          throw new IllegalArgumentException("not canonical");
        }
        id = ItemId.of(canonical);
      } catch (IllegalArgumentException e) {
        throw new BadLine("id: not a UUID (8-4-4-4-12 hex digits)");
      }
    }
    JsonNode markingNode = node.get("marking");
    if (markingNode == null || !markingNode.isTextual() || markingNode.textValue().isBlank()) {
      throw new BadLine("marking: a non-empty string is required");
    }
    String marking = markingNode.textValue();
    // what the item table cannot hold must be a bad line here, not a failed batch later
    if (marking.length() > MAX_MARKING) {
      throw new BadLine("marking: longer than " + MAX_MARKING + " characters");
    }
    if (marking.chars().anyMatch(Character::isISOControl)) {
      throw new BadLine("marking: a control character; a marking is one line of text");
    }
    List<String> topics = new ArrayList<>();
    JsonNode topicsNode = node.get("topics");
    if (topicsNode != null && !topicsNode.isNull()) {
      if (!topicsNode.isArray()) {
        throw new BadLine("topics: not an array of strings");
      }
      for (JsonNode topic : topicsNode) {
        if (!topic.isTextual()) {
          throw new BadLine("topics: not an array of strings");
        }
        topics.add(topic.textValue());
      }
      if (String.join("\n", topics).length() > MAX_MARKING) {
        throw new BadLine("topics: longer than " + MAX_MARKING + " characters in all");
      }
    }
    JsonNode contentNode = node.get("content");
    if (contentNode == null || !contentNode.isTextual()) {
      throw new BadLine("content: a base64 string is required");
    }
    byte[] content;
    try {
      content = Base64.getDecoder().decode(contentNode.textValue());
    } catch (IllegalArgumentException e) {
      throw new BadLine("content: not base64");
    }
    ItemTitle title = ItemTitle.NONE;
    JsonNode titleNode = node.get("title");
    if (titleNode != null && !titleNode.isNull()) {
      if (!titleNode.isTextual()) {
        throw new BadLine("title: not a string");
      }
      try {
        title = ItemTitle.of(titleNode.textValue());
      } catch (InvalidInputException e) {
        throw new BadLine(e.getMessage());
      }
    }
    Label label = label(registry, labels, marking, topics, now);
    return new ItemImports.NewItem(id, label.read().originators(), label.read().level(), label.read().releasability(), label.read().orcon(),
        label.topics(), label.declassifyOn(), marking, content, title);
  }

  /** A marking read once per run: most imports repeat a few markings many times. */
  private record Label(RequestReader.Label read, Set<Topic> topics, Instant declassifyOn) {}

  private static Label label(Registry registry, Map<String, Object> labels, String marking, List<String> topics, Instant now) throws BadLine {
    String key = marking + '\u0000' + String.join(",", topics);
    Object known = labels.get(key);
    if (known == null) {
      try {
        RequestReader.Label read = RequestReader.label(registry, RequestForm.BODY, DecisionBody.label(null, null, topics.isEmpty() ? null : topics,
            null, null, null, marking), now);
        Set<Topic> topicSet = new LinkedHashSet<>(read.topics());
        Instant declassifyOn = null;
        if (read.marked() != null) {
          topicSet.addAll(read.marked().topics());
          declassifyOn = read.marked().declassifyOn();
        }
        known = new Label(read, Set.copyOf(topicSet), declassifyOn);
      } catch (RequestException | InvalidInputException e) {
        known = e.getMessage();
      }
      if (labels.size() < 10_000) {
        labels.put(key, known);
      }
    }
    if (known instanceof String refusal) {
      throw new BadLine(refusal);
    }
    return (Label) known;
  }

  /** A folder of {@code .tdf} archives, each through {@code tdf import}'s path; returns whether too many bad archives stopped it. */
  private boolean archives(OperatorServices opened, Registry registry, PrintWriter err) {
    List<Path> files;
    try (Stream<Path> listing = Files.list(source)) {
      files = listing.filter(path -> path.getFileName().toString().endsWith(".tdf") && Files.isRegularFile(path)).sorted().toList();
    } catch (IOException e) {
      throw new BadInputException("cannot read the folder " + source + ": " + e.getMessage());
    }
    Optional<PublicKey> signer = Optional.ofNullable(signerKey).map(TdfCommand::readPublicKey);
    ItemArchives archives = opened.itemArchives(registry, node.party(registry), Clock.systemUTC());
    TerminalProgress.ItemCounter progress = TerminalProgress.items(err, TerminalProgress.onTerminal(), files.size());
    int done = 0;
    try {
      for (Path file : files) {
        done++;
        try {
          archives.importArchive(file, Optional.ofNullable(node.kasUrl), signer, StoreOptions.operator());
          imported++;
        } catch (ServiceException e) {
          if (e.code().equals("ALREADY_IMPORTED")) {
            skipped++;
          } else if (e.code().equals("NO_KAS_URL")) {
            throw TdfCommand.badInput(e);
          } else if (bad(err, file, e.getMessage())) {
            return true;
          }
        } catch (TdfException e) {
          if (bad(err, file, e.getMessage())) {
            return true;
          }
        }
        progress.update(imported + skipped, done);
      }
    } finally {
      progress.done();
    }
    return false;
  }

  /** Reports a bad archive; true when it is one too many. */
  private boolean bad(PrintWriter err, Path file, String why) {
    errors++;
    err.println("pactbridge: " + file.getFileName() + ": " + why);
    if (errors > maxErrors) {
      err.println("pactbridge: stopped at " + file.getFileName() + ": more than " + maxErrors + " bad archive" + (maxErrors == 1 ? "" : "s")
          + " (--max-errors); the archives before it are stored");
      err.flush();
      return true;
    }
    err.flush();
    return false;
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
