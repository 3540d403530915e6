package org.pactbridge.cli;

import java.io.PrintWriter;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.world.WorldFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code pactbridge} command. */
@Command(
    name = "pactbridge",
    mixinStandardHelpOptions = true,
    version = "pactbridge 0.1.0",
    description = "Release decisions, routes and coverage under the agreements between allied nations.",
    subcommands = {
      CheckCommand.class,
      AgreementsCommand.class,
      CoverageCommand.class,
      ServeCommand.class, WhatIfCommand.class,
      SupportCommand.class, LedgerCommand.class,
      MarkingCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      ItemCommand.class,
      AuditCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit status for bad input (usage errors, unknown parties or levels, malformed dates, bad files). */
  public static final int BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

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
    commandLine.setParameterExceptionHandler((exception, arguments) -> {
      err.println("pactbridge: " + exception.getMessage());
      return BAD_INPUT;
    });
    commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
      if (exception instanceof InvalidInputException || exception instanceof WorldFormatException || exception instanceof BadInputException) {
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
