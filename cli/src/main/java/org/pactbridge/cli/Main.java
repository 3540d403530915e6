package org.pactbridge.cli;

import java.io.PrintWriter;
import org.pactbridge.api.request.RequestException;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.world.WorldFormatException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Entry point of the {@code pactbridge} command. */
@Command(
    name = "pactbridge",
    mixinStandardHelpOptions = true,
    versionProvider = BuildInfo.Provider.class,
    description = "Release decisions, routes and coverage under the agreements between allied nations.",
    subcommands = {
      CheckCommand.class,
      AgreementsCommand.class,
      PartnersCommand.class,
      WorldCommand.class,
      CoverageCommand.class,
      ServeCommand.class, WhatIfCommand.class,
      SupportCommand.class, LedgerCommand.class,
      MarkingCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      ItemCommand.class,
      TdfCommand.class,
      KeysCommand.class,
      PkiCommand.class,
      AuditCommand.class,
      ManualCommand.class,
      AutoComplete.GenerateCompletion.class
    })
public final class Main implements Runnable {
  /** Exit status for bad input (usage errors, unknown parties or levels, malformed dates, bad files). */
  public static final int BAD_INPUT = 2;

  /** The log level property of the node's SLF4J back end (server's PlainLoggerFactory). */
  private static final String LOG_LEVEL = "pactbridge.log.level";

  /**
   * The level the operator set when the JVM started, if any. Otherwise a command logs the libraries'
   * (Flyway, Jetty, Javalin, HikariCP) warnings and errors only, on standard error, and --verbose their
   * informational lines too: standard output carries only the command's answer either way.
   */
  private static final String OPERATOR_LOG_LEVEL = System.getProperty(LOG_LEVEL);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Inherited by every command. Standard output carries only a command's answer whatever this says;
   * verbose adds the libraries' informational log lines (Flyway's migrations, Jetty's start) on
   * standard error, and what serve opens. Read before the first logger is made (see execute).
   */
  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Show more on standard error: the libraries' log lines at INFO (migrations, the web server) and what is opened.")
  boolean verbose;

  /** Whether --verbose was given to this run (commands reach it through their spec's root). */
  static boolean verbose(CommandLine.Model.CommandSpec spec) {
    return spec.root().userObject() instanceof Main main && main.verbose;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command with the given streams; returns the exit status. Used by tests. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    Main main = commandLine.getCommand();
    commandLine.setExecutionStrategy(parseResult -> {
      // The node's SLF4J back end (server's PlainLogger) reads pactbridge.log.level when each logger is
      // made, and no logger exists before a command runs. A level the operator gave (-D in JAVA_OPTS) wins.
      System.setProperty(LOG_LEVEL, OPERATOR_LOG_LEVEL != null ? OPERATOR_LOG_LEVEL : main.verbose ? "info" : "warn");
      return new CommandLine.RunLast().execute(parseResult);
    });
    commandLine.setParameterExceptionHandler((exception, arguments) -> {
      err.println("pactbridge: " + exception.getMessage());
      return BAD_INPUT;
    });
    commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
      if (exception instanceof InvalidInputException || exception instanceof RequestException || exception instanceof WorldFormatException || exception instanceof BadInputException) {
        err.println("pactbridge: " + exception.getMessage());
        return BAD_INPUT;
      }
      throw exception;
    });
    int status = commandLine.execute(args);
    out.flush();
    err.flush();
    return status;
  }
}
