package org.pactbridge.core.label.marking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule catalogue of {@code docs/markings.md}, read from the document itself: one {@link Rule} per
 * table row, so that reviewers and tests read the same list. {@code RuleCatalogueTest} runs each row;
 * {@code MarkingProperties} builds its canonical markings from the rows' valid examples.
 */
final class RuleCatalogue {
  private static final Pattern ROW = Pattern.compile(
      "^\\| `([a-z0-9.-]+)` \\| `([A-Z_]+)` \\| (error|warning) \\| (.+) \\| (.+) \\| (.+) \\| (.+) \\| (.+) \\|$");
  private static final Pattern AT = Pattern.compile("`([^`]+)`(?: \\((\\d)(?:st|nd|rd|th)\\))?");

  /**
   * One rule: its id, the code and severity of its finding, what the register requires, a marking that
   * keeps the rule and one that breaks it, where in the broken one the finding points ({@link #at()}, a
   * 0-based index) and the marking it suggests (null for none).
   */
  record Rule(String id, String code, String severity, String requirement, String valid, String invalid, int at,
      String suggestion) {
    @Override
    public String toString() {
      return id + " (" + code + ")";
    }
  }

  private static final List<Rule> RULES = load();

  private RuleCatalogue() {}

  static List<Rule> rules() {
    return RULES;
  }

  private static List<Rule> load() {
    List<Rule> rules = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(markingsDoc(), StandardCharsets.UTF_8)) {
        Matcher row = ROW.matcher(line);
        if (row.matches()) {
          String invalid = row.group(6).equals("(empty)") ? "" : unquote(row.group(6));
          String suggestion = row.group(8).equals("—") ? null : unquote(row.group(8));
          rules.add(new Rule(row.group(1), row.group(2), row.group(3), row.group(4), unquote(row.group(5)), invalid,
              at(invalid, row.group(7), row.group(1)), suggestion));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(rules);
  }

  /** {@code (start)}, {@code (end)}, or a quoted token and which occurrence of it ({@code `NOFORN` (2nd)}). */
  private static int at(String invalid, String cell, String id) {
    if (cell.equals("(start)")) {
      return 0;
    }
    if (cell.equals("(end)")) {
      return invalid.length();
    }
    Matcher at = AT.matcher(cell);
    if (!at.matches()) {
      throw new IllegalStateException("rule " + id + ": the 'at' cell is not `token` or `token` (2nd): " + cell);
    }
    int occurrence = at.group(2) == null ? 1 : Integer.parseInt(at.group(2));
    int index = -1;
    for (int i = 0; i < occurrence; i++) {
      index = invalid.indexOf(at.group(1), index + 1);
      if (index < 0) {
        throw new IllegalStateException("rule " + id + ": '" + at.group(1) + "' does not occur " + occurrence + " times in "
            + invalid);
      }
    }
    return index;
  }

  private static String unquote(String cell) {
    if (cell.length() < 2 || !cell.startsWith("`") || !cell.endsWith("`")) {
      throw new IllegalStateException("expected a marking in backquotes, found " + cell);
    }
    return cell.substring(1, cell.length() - 1);
  }

  /** docs/markings.md of this checkout: the tests run in the module's folder, the docs are beside it. */
  static Path markingsDoc() {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      Path doc = folder.resolve("docs/markings.md");
      if (Files.isRegularFile(doc)) {
        return doc;
      }
    }
    throw new IllegalStateException("docs/markings.md not found above " + Path.of("").toAbsolutePath());
  }
}
