package org.pactbridge.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pactbridge help [COMMAND...]}: a command's manual page, in the sections of a man page (NAME,
 * SYNOPSIS, DESCRIPTION, ARGUMENTS, OPTIONS, COMMANDS, EXIT STATUS, ENVIRONMENT, SEE ALSO). {@code --help}
 * stays the short usage; this is the long form, built from the same picocli model so that it cannot
 * drift from the options the command really takes.
 */
@Command(name = "help", helpCommand = true, mixinStandardHelpOptions = true,
    description = {"Show the manual page of a command: what it does, its options, exit status and environment.",
        "Examples: pactbridge help check; pactbridge help audit verify."})
final class ManualCommand implements Runnable {
  /** Exit statuses beyond the common ones, by command. */
  private static final Map<String, String> OWN_STATUS = Map.of(
      "pactbridge audit verify", "1   the audit chain did not verify; the line names the first altered, missing or reordered entry",
      "pactbridge marking parse", "2   the marking has an error (the line names the token and its index)",
      "pactbridge tdf export", "3   the decision was DENY or CONSENT_REQUIRED: nothing was written; the reasons are printed",
      "pactbridge tdf decrypt", "3   the key access service refused: the decision's reasons are printed; nothing was written\n"
          + "4   the archive failed an integrity check; the line names the part, and nothing was written",
      "pactbridge tdf inspect", "4   the archive or one of its assertions failed a check; the line names the part",
      "pactbridge tdf import", "4   the archive failed a check (zip, manifest, key access, policy binding, assertion, segment);\n"
          + "    the line names the part, and nothing was stored");

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, with its subcommand if it has one (audit verify).")
  List<String> names = new ArrayList<>();

  @Override
  public void run() {
    CommandLine target = spec.root().commandLine();
    for (String name : names) {
      CommandLine sub = target.getSubcommands().get(name);
      if (sub == null) {
        throw new BadInputException("help: unknown command '" + String.join(" ", names) + "' (known: "
            + String.join(", ", target.getSubcommands().keySet()) + ")");
      }
      target = sub;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(page(target));
    out.flush();
  }

  /** The manual page of {@code command} as plain text, sections flush left and their bodies indented by four. */
  static String page(CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
    String name = spec.qualifiedName(" ");
    String[] description = spec.usageMessage().description();
    StringBuilder page = new StringBuilder();
    section(page, "NAME", name + (description.length == 0 ? "" : " - " + firstSentence(description[0])));
    section(page, "SYNOPSIS", help.synopsis(0).stripTrailing());
    if (description.length > 0) {
      section(page, "DESCRIPTION", help.description().stripTrailing());
    }
    if (!spec.positionalParameters().isEmpty()) {
      section(page, "ARGUMENTS", help.parameterList().stripTrailing());
    }
    if (!spec.options().isEmpty()) {
      section(page, "OPTIONS", help.optionList().stripTrailing());
    }
    if (!command.getSubcommands().isEmpty()) {
      section(page, "COMMANDS", help.commandList().stripTrailing());
    }
    List<String> status = new ArrayList<>(List.of(
        "0   the command ran and printed its answer (for check and support check: whatever the decision)",
        "1   an unexpected failure, reported on standard error",
        "2   bad input: a usage error, an unknown party, level or topic, a malformed date, marking or file;\n"
            + "    one line on standard error names it"));
    String own = OWN_STATUS.get(name);
    if (own != null) {
      status.add(own);
    }
    // by status, each command's own meaning before the common one
    status.sort(java.util.Comparator.comparing((String line) -> line.charAt(0)).thenComparing(line -> !line.equals(own)));
    section(page, "EXIT STATUS", String.join("\n", status));
    section(page, "ENVIRONMENT", String.join("\n",
        "PACTBRIDGE_HOME       the data folder: the default H2 store and the key files (default ~/.local/share/pactbridge)",
        "PACTBRIDGE_DB_USER    database user for serve (or --db-user); PACTBRIDGE_DB_PASSWORD its password",
        "JAVA_OPTS             options for the Java virtual machine, read by the launcher"));
    StringBuilder seeAlso = new StringBuilder();
    String path = name.substring(name.indexOf(' ') + 1);
    for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
      if (!sub.getValue().getCommandSpec().usageMessage().hidden() && !sub.getValue().getCommandSpec().helpCommand()) {
        seeAlso.append("pactbridge help ").append(command.getParent() == null ? "" : path + " ").append(sub.getKey()).append('\n');
      }
    }
    seeAlso.append("docs/cli.md in the sources or /usr/share/doc/pactbridge: the commands' contract; docs/quickstart.md: a first session");
    section(page, "SEE ALSO", seeAlso.toString());
    return page.toString();
  }

  private static String firstSentence(String line) {
    int stop = line.indexOf(". ");
    String sentence = stop < 0 ? line : line.substring(0, stop);
    return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
  }

  private static void section(StringBuilder page, String heading, String body) {
    page.append(heading).append('\n');
    for (String line : body.split("\n", -1)) {
      String stripped = line.stripTrailing();
      page.append(stripped.isEmpty() ? "" : "    " + stripped).append('\n');
    }
    page.append('\n');
  }
}
