package org.pactbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.pactbridge.api.json.Json;
import org.pactbridge.api.json.LogisticsJson;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.logistics.Balance;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.logistics.Ledger;
import org.pactbridge.core.logistics.LedgerEntry;
import org.pactbridge.core.logistics.Money;
import org.pactbridge.core.logistics.Obligation;
import org.pactbridge.core.logistics.terms.ReimbursementMode;
import org.pactbridge.core.logistics.Statement;
import org.pactbridge.core.logistics.Transfer;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.service.OperatorServices;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pactbridge ledger}: the settlement ledger of logistics support, kept in the store
 * ({@code --db}/{@code --keys}, as every store command; each append audited in its transaction) or,
 * with {@code --journal FILE}, in a JSON-lines file. Commands that record append one entry or none;
 * the others derive balances, overdue obligations and statements from the entries.
 */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = {
      "The double-entry, append-only settlement ledger of logistics support,",
      "kept in the store (--db, --keys; each append audited) or, with --journal FILE, in a file.",
      "Exit status: 0 on success, 2 for bad input (nothing is written then)."
    },
    subcommands = {
      LedgerCommand.Provide.class,
      LedgerCommand.Receive.class,
      LedgerCommand.Reimburse.class,
      LedgerCommand.Reverse.class,
      LedgerCommand.Entries.class,
      LedgerCommand.Balances.class,
      LedgerCommand.Overdue.class,
      LedgerCommand.StatementCommand.class,
      CommandLine.HelpCommand.class
    })
final class LedgerCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options every ledger command shares; opens the ledger, runs the command, closes the store. */
  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin WorldOptions world = new WorldOptions();

    @Mixin StoreOptions store = new StoreOptions();

    @Option(names = "--journal", paramLabel = "FILE",
        description = "Keep the ledger in this journal file (JSON lines; created on first write) instead of the store.")
    Path journal;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    Registry registry;

    /** The command, on the open ledger. */
    abstract int run(Ledger ledger);

    @Override
    public final Integer call() {
      if (journal != null && (store.db != null || store.keys != null)) {
        throw new BadInputException("--journal keeps the ledger in a file: it cannot be combined with --db or --keys");
      }
      registry = world.registry();
      if (journal != null) {
        return run(LedgerJournal.open(registry, journal));
      }
      try (OperatorServices opened = store.open(spec.commandLine().getErr())) {
        return run(opened.ledger(registry, StoreOptions.operator()));
      }
    }

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    int recorded(Ledger ledger, LedgerEntry entry) {
      if (journal != null) {
        LedgerJournal.save(ledger, journal);
      }
      if (json) {
        out().println(Statement.entryJson(entry));
      } else {
        out().printf("recorded entry %d: %s%n", entry.sequence(), describe(entry));
      }
      return 0;
    }
  }

  /** Options of a transfer. */
  abstract static class TransferOptions extends Base {
    @Option(names = "--agreement", required = true, paramLabel = "ID", description = "The logistics agreement.")
    String agreement;

    @Option(names = "--supplier", required = true, paramLabel = "PARTY")
    String supplier;

    @Option(names = "--receiver", required = true, paramLabel = "PARTY")
    String receiver;

    @Option(names = "--category", required = true, paramLabel = "CATEGORY")
    String category;

    @Option(names = "--quantity", paramLabel = "N")
    String quantity;

    @Option(names = "--value", required = true, paramLabel = "AMOUNT")
    String value;

    @Option(names = "--currency", required = true, paramLabel = "CODE")
    String currency;

    Transfer transfer() {
      return new Transfer(
          AgreementId.of(agreement.strip()), registry.requireParty(supplier).code(), registry.requireParty(receiver).code(),
          Category.parse(category), quantity == null ? null : SupportCommand.decimal(quantity, "quantity"), Money.of(value, currency),
          world.instant());
    }
  }

  @Command(name = "provide", mixinStandardHelpOptions = true, description = "Record support the supplier provided (the receiver now owes its value).")
  static final class Provide extends TransferOptions {
    @Override
    int run(Ledger ledger) {
      return recorded(ledger, ledger.provide(transfer()));
    }
  }

  @Command(name = "receive", mixinStandardHelpOptions = true, description = "Record support the receiver received (it now owes its value).")
  static final class Receive extends TransferOptions {
    @Override
    int run(Ledger ledger) {
      return recorded(ledger, ledger.receive(transfer()));
    }
  }

  @Command(name = "reimburse", mixinStandardHelpOptions = true, description = "Settle an obligation in part or in full.")
  static final class Reimburse extends Base {
    @Option(names = "--entry", required = true, paramLabel = "N", description = "The transfer entry to settle.")
    long entry;

    @Option(names = "--mode", required = true, paramLabel = "MODE", description = "cash, replacement-in-kind or equal-value-exchange.")
    String mode;

    @Option(names = "--value", required = true, paramLabel = "AMOUNT")
    String value;

    @Option(names = "--currency", required = true, paramLabel = "CODE")
    String currency;

    @Override
    int run(Ledger ledger) {
      return recorded(ledger, ledger.reimburse(entry, ReimbursementMode.parse(mode), Money.of(value, currency), world.instant()));
    }
  }

  @Command(name = "reverse", mixinStandardHelpOptions = true, description = "Cancel an entry by appending its lines negated.")
  static final class Reverse extends Base {
    @Option(names = "--entry", required = true, paramLabel = "N", description = "The entry to reverse.")
    long entry;

    @Override
    int run(Ledger ledger) {
      return recorded(ledger, ledger.reverse(entry, world.instant()));
    }
  }

  @Command(name = "entries", mixinStandardHelpOptions = true, description = "List every entry.")
  static final class Entries extends Base {
    @Override
    int run(Ledger ledger) {
      List<LedgerEntry> entries = ledger.entries();
      if (json) {
        out().println("[" + String.join(",", entries.stream().map(Statement::entryJson).toList()) + "]");
      } else {
        entries.forEach(entry -> out().printf("%4d  %s%n", entry.sequence(), describe(entry)));
      }
      return 0;
    }
  }

  @Command(name = "balances", mixinStandardHelpOptions = true,
      description = "Balances per agreement, party and currency, derived from the entries dated at or before --at (default: all).")
  static final class Balances extends Base {
    @Override
    int run(Ledger ledger) {
      List<Balance> balances = world.at == null ? ledger.balances() : ledger.balancesAt(world.instant());
      if (json) {
        out().println(Json.write(LogisticsJson.balances(balances), false));
      } else {
        for (Balance balance : balances) {
          out().printf("%-22s %-4s %s  receivable %s  payable %s  net %s%n", balance.agreement(), balance.party(), balance.currency(),
              balance.receivable().toPlainString(), balance.payable().toPlainString(), balance.net().toPlainString());
        }
      }
      return 0;
    }
  }

  @Command(name = "overdue", mixinStandardHelpOptions = true, description = "Obligations unsettled past their settlement period at --at (default: now).")
  static final class Overdue extends Base {
    @Override
    int run(Ledger ledger) {
      Instant at = world.instant();
      List<Obligation> overdue = ledger.overdue(at);
      if (json) {
        out().println(Json.write(LogisticsJson.obligations(overdue), false));
      } else {
        for (Obligation obligation : overdue) {
          out().printf("entry %d  %s owes %s %s under %s, due %s%s%n", obligation.transfer().sequence(), obligation.transfer().receiver(),
              obligation.transfer().supplier(), obligation.outstanding(), obligation.transfer().agreement(), DateSpec.format(obligation.due()),
              obligation.dueAssumed() ? " (settlement period assumed)" : "");
        }
      }
      return 0;
    }
  }

  @Command(name = "statement", mixinStandardHelpOptions = true, description = "The monthly statement of a party's account with one partner, in CSV or JSON.")
  static final class StatementCommand extends Base {
    @Option(names = "--party", required = true, paramLabel = "PARTY")
    String party;

    @Option(names = "--partner", required = true, paramLabel = "PARTY")
    String partner;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM")
    String month;

    @Override
    int run(Ledger ledger) {
      YearMonth yearMonth;
      try {
        yearMonth = YearMonth.parse(month.strip());
      } catch (DateTimeParseException e) {
        throw new BadInputException("malformed month '" + month + "' (expected YYYY-MM)");
      }
      Statement statement = ledger.statement(registry.requireParty(party).code(), registry.requireParty(partner).code(), yearMonth);
      out().print(json ? statement.toJson() + "\n" : statement.toCsv());
      return 0;
    }
  }

  static String describe(LedgerEntry entry) {
    String what = switch (entry.type()) {
      case PROVIDE, RECEIVE -> entry.category() + " " + entry.supplier() + " -> " + entry.receiver();
      case REIMBURSE -> entry.mode() + " " + entry.receiver() + " -> " + entry.supplier() + " for entry " + entry.refers();
      case REVERSE -> "of entry " + entry.refers();
    };
    return entry.type() + " " + what + "  " + entry.value() + "  " + entry.agreement() + "  " + DateSpec.format(entry.at());
  }
}
