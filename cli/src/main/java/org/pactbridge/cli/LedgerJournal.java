package org.pactbridge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.PactbridgeException;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.logistics.EntryType;
import org.pactbridge.core.logistics.InMemoryLedgerRepository;
import org.pactbridge.core.logistics.Ledger;
import org.pactbridge.core.logistics.LedgerEntry;
import org.pactbridge.core.logistics.Money;
import org.pactbridge.core.logistics.terms.ReimbursementMode;
import org.pactbridge.core.logistics.Statement;
import org.pactbridge.core.logistics.Transfer;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;

/**
 * The command line's ledger file ({@code ledger … --journal FILE}, instead of the store): one JSON object per line, one
 * line per entry, in sequence order. Opening a journal replays every line through a fresh in-memory
 * {@link Ledger}, so each entry is re-checked against the registry; appending rewrites the file
 * through a temporary file and an atomic move, so a refused command or a crash never leaves it
 * half-written.
 */
final class LedgerJournal {
  private LedgerJournal() {}

  /** The ledger the journal holds (empty if the file does not exist yet). */
  static Ledger open(Registry registry, Path file) {
    Ledger ledger = new Ledger(registry, new InMemoryLedgerRepository());
    if (!Files.exists(file)) {
      return ledger;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new BadInputException(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        JsonNode line = Json.MAPPER.readTree(lines.get(i));
        LedgerEntry entry = replay(ledger, line);
        if (entry.sequence() != line.path("sequence").asLong()) {
          throw new BadInputException("entry numbered " + line.path("sequence").asText() + " replays as entry " + entry.sequence());
        }
      } catch (JsonProcessingException e) {
        throw new BadInputException(file + " line " + (i + 1) + ": not a JSON object");
      } catch (PactbridgeException | IllegalArgumentException | java.time.DateTimeException e) {
        throw new BadInputException(file + " line " + (i + 1) + ": " + e.getMessage());
      }
    }
    return ledger;
  }

  private static LedgerEntry replay(Ledger ledger, JsonNode line) {
    EntryType type = EntryType.valueOf(text(line, "type"));
    Instant at = Instant.parse(text(line, "at"));
    Money value = new Money(new BigDecimal(text(line, "value")), text(line, "currency"));
    return switch (type) {
      case PROVIDE, RECEIVE -> {
        Transfer transfer = new Transfer(
            AgreementId.of(text(line, "agreement")), PartyCode.of(text(line, "supplier")), PartyCode.of(text(line, "receiver")),
            Category.parse(text(line, "category")), line.path("quantity").isNull() ? null : new BigDecimal(line.path("quantity").asText()),
            value, at);
        yield type == EntryType.PROVIDE ? ledger.provide(transfer) : ledger.receive(transfer);
      }
      case REIMBURSE -> ledger.reimburse(line.path("refers").asLong(), ReimbursementMode.parse(text(line, "mode")), value, at);
      case REVERSE -> ledger.reverse(line.path("refers").asLong(), at);
    };
  }

  private static String text(JsonNode line, String field) {
    JsonNode node = line.get(field);
    if (node == null || node.isNull()) {
      throw new BadInputException("missing field '" + field + "'");
    }
    return node.asText();
  }

  /** Writes every entry of the ledger to the journal, atomically replacing the previous file. */
  static void save(Ledger ledger, Path file) {
    StringBuilder text = new StringBuilder();
    for (LedgerEntry entry : ledger.entries()) {
      text.append(Statement.entryJson(entry)).append('\n');
    }
    Path absolute = file.toAbsolutePath();
    Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new BadInputException("cannot write the journal " + file + ": its folder does not exist");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
