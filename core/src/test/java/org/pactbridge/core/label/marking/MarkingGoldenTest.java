package org.pactbridge.core.label.marking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pactbridge.core.label.Control;
import org.pactbridge.core.label.LabelFixtures;
import org.pactbridge.core.label.MiniJson;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.party.Community;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;

/**
 * Pins the whole reading of every marking we know of, byte for byte: the markings of the tests and
 * the documentation and one for every diagnostic code ({@code marking/cases.txt}), the CAPCO
 * conformance cases, and a seeded random corpus. Each case renders its form, label, canonical, banner
 * and portion forms, every diagnostic (severity, code, index, message, and its suggestion on the next
 * line) and what {@code parse} throws, and compares that with its block in {@code marking/golden.txt}.
 *
 * <p>The golden file was written by the parser as it stood before it was split into a lexer, family
 * parsers and a diagnostic catalogue, and rewritten on purpose for issue 18 (the rule catalogue: new
 * rules, suggestions, the catalogue's examples as cases); a difference is a change of behaviour. To
 * rewrite it on purpose: {@code mvn -o -pl core -am verify -Dtest=MarkingGoldenTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dmarking.golden.write=true} (the cases are then skipped,
 * not passed), and review the diff.
 */
class MarkingGoldenTest {
  private static final String CASES = "marking/cases.txt";
  private static final String GOLDEN = "marking/golden.txt";
  private static final Path GOLDEN_SOURCE = Path.of("src/test/resources", GOLDEN);
  private static final boolean WRITE = Boolean.getBoolean("marking.golden.write");
  private static final int RANDOM_CASES = 400;

  private static final Map<String, PartyDirectory> DIRECTORIES = Map.of(
      "fixtures", PartyDirectory.of(LabelFixtures.registry()),
      "without-usa", without(Set.of("USA", "NATO")));

  private static final Map<String, String> WRITTEN = new ConcurrentHashMap<>();

  /** One marking, the instant its levels are read at (or none), and the directory it is read against. */
  record Case(String marking, Instant at, String directory) {
    String key() {
      return "case: " + quote(marking) + (at == null ? "" : " at " + at)
          + (directory.equals("fixtures") ? "" : " directory " + directory);
    }

    @Override
    public String toString() {
      return key().substring("case: ".length());
    }
  }

  static Stream<Case> cases() {
    Map<String, Case> cases = new LinkedHashMap<>();
    for (Case listed : listedCases()) {
      cases.putIfAbsent(listed.key(), listed);
    }
    for (String marking : conformanceMarkings()) {
      Case conformance = new Case(marking, null, "fixtures");
      cases.putIfAbsent(conformance.key(), conformance);
    }
    for (String marking : randomMarkings()) {
      Case random = new Case(marking, null, "fixtures");
      cases.putIfAbsent(random.key(), random);
    }
    return cases.values().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsExactlyAsBefore(Case marking) {
    String rendered = render(marking);
    if (WRITE) {
      WRITTEN.put(marking.key(), rendered);
      Assumptions.abort("writing " + GOLDEN + ", not comparing");
    }
    assertThat(golden()).as("golden.txt has no block for %s (rewrite it: see the class comment)", marking)
        .containsKey(marking.key());
    assertThat(rendered).isEqualTo(golden().get(marking.key()));
  }

  @AfterAll
  static void writeGoldenWhenAsked() throws IOException {
    if (!WRITE) {
      return;
    }
    StringBuilder out = new StringBuilder();
    for (Case marking : cases().toList()) {
      out.append(WRITTEN.get(marking.key())).append('\n');
    }
    Files.writeString(GOLDEN_SOURCE, out.toString(), StandardCharsets.UTF_8);
  }

  /** The full reading of one case, as the lines of its golden block. */
  static String render(Case marking) {
    MarkingParser parser = new MarkingParser(DIRECTORIES.get(marking.directory()));
    ParsedMarking parsed = parser.read(marking.marking(), marking.at());
    StringBuilder out = new StringBuilder(marking.key()).append('\n');
    out.append("form: ").append(parsed.form()).append('\n');
    SecurityLabel label = parsed.label();
    if (label == null) {
      out.append("label: none\n");
    } else {
      out.append("label: ").append(oneLine(describe(label))).append('\n');
      out.append("banner: ").append(oneLine(MarkingFormatter.banner(label))).append('\n');
      out.append("portion: ").append(oneLine(MarkingFormatter.portion(label))).append('\n');
    }
    out.append("canonical: ").append(oneLine(parsed.canonical().orElse("none"))).append('\n');
    for (Diagnostic diagnostic : parsed.diagnostics()) {
      out.append("diagnostic: ").append(diagnostic.severity()).append(' ').append(diagnostic.code()).append(" at ")
          .append(diagnostic.index()).append(": ").append(oneLine(diagnostic.message())).append('\n');
      diagnostic.findSuggestion().ifPresent(suggestion -> out.append("suggestion: ").append(oneLine(suggestion)).append('\n'));
    }
    try {
      parser.parse(marking.marking(), marking.at());
      out.append("parse: accepted\n");
    } catch (MarkingParseException error) {
      out.append("parse: ").append(error.code()).append(" at ").append(error.index()).append(" found ")
          .append(oneLine(error.found())).append(": ").append(oneLine(error.getMessage())).append(" (").append(error.diagnostics().size())
          .append(" diagnostics)\n");
    }
    return out.toString();
  }

  /** Line breaks escaped, so that a block stays one line per field. */
  private static String oneLine(String text) {
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String describe(SecurityLabel label) {
    String compartments = label.compartments().stream()
        .map(compartment -> compartment.kind() + ":" + compartment.value() + (compartment.longForm() ? " long" : ""))
        .collect(Collectors.joining(", ", "[", "]"));
    return "originators " + label.originators() + ", joint " + label.joint() + ", level " + label.level().qualified()
        + " (" + label.level().nativeName() + "), releasability " + label.releasability() + ", noforn "
        + label.releasability().isNoforn() + ", relTo " + (label.releasability().hasRelTo() ? label.releasability().relToEntries() : "none")
        + ", controls " + label.controls().stream().map(Control::name).toList() + ", orcon " + label.orcon()
        + ", compartments " + compartments + ", fgi " + label.fgi() + " " + label.fgiSources();
  }

  private static Map<String, String> golden() {
    return Golden.BLOCKS;
  }

  /** The golden blocks by case key; loaded once, on first use. */
  private static final class Golden {
    static final Map<String, String> BLOCKS = load();

    private static Map<String, String> load() {
      Map<String, String> blocks = new LinkedHashMap<>();
      String key = null;
      StringBuilder block = new StringBuilder();
      for (String line : LabelFixtures.resource(GOLDEN).split("\n", -1)) {
        if (line.isEmpty()) {
          if (key != null) {
            blocks.put(key, block.toString());
          }
          key = null;
          block.setLength(0);
          continue;
        }
        if (key == null) {
          key = line;
        }
        block.append(line).append('\n');
      }
      return blocks;
    }
  }

  private static List<Case> listedCases() {
    List<Case> cases = new ArrayList<>();
    for (String line : LabelFixtures.resource(CASES).split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int close = closingQuote(trimmed);
      String marking = unquote(trimmed.substring(1, close));
      Instant at = null;
      String directory = "fixtures";
      String[] options = trimmed.substring(close + 1).strip().split(" ");
      for (int i = 0; i + 1 < options.length; i += 2) {
        switch (options[i]) {
          case "at" -> at = Instant.parse(options[i + 1]);
          case "directory" -> directory = options[i + 1];
          default -> throw new IllegalArgumentException("unknown option in " + CASES + ": " + line);
        }
      }
      if (!DIRECTORIES.containsKey(directory)) {
        throw new IllegalArgumentException("unknown directory in " + CASES + ": " + line);
      }
      cases.add(new Case(marking, at, directory));
    }
    return cases;
  }

  private static List<String> conformanceMarkings() {
    Map<?, ?> root = (Map<?, ?>) MiniJson.parse(LabelFixtures.conformance("capco", "cases.json"));
    List<String> markings = new ArrayList<>();
    for (Object entry : (List<?>) root.get("cases")) {
      markings.add((String) ((Map<?, ?>) entry).get("marking"));
    }
    return markings;
  }

  /**
   * Structured markings built from the pieces of {@link MarkingProperties} and a few malformed ones,
   * and short strings over the marking alphabet. {@link Random} with a fixed seed gives the same list
   * on every JDK (its algorithm is specified).
   */
  private static List<String> randomMarkings() {
    String[] heads = {"SECRET", "TOP SECRET", "S", "TS", "UNCLASSIFIED", "U", "CONFIDENTIAL", "//KOR II", "//JPN 極秘", "//NS",
        "//NATO SECRET", "//COSMIC TOP SECRET", "//GBR S", "//JOINT SECRET USA GBR", "//JOINT S GBR USA", "군사 Ⅱ급비밀", "極秘",
        "SERCET", "//ITA RESTRICTED", "", "//NC", "//JOINT TOP SECRET USA KOR JPN", "R", "//CTSA"};
    String[] blocks = {"NOFORN", "NF", "ORCON", "OC", "REL TO USA, GBR", "REL TO GBR, USA, NATO", "REL TO USA, FVEY",
        "ORCON/NOFORN", "OC/NF", "SI", "TK", "SI/TK", "HCS-O-P", "SI-G ABCD", "SAR-BP", "SAR-BP/CD-X 1", "RD", "ATOMAL",
        "FGI NATO", "FGI", "EXDIS", "NODIS", "RELIDO", "IMCON", "PROPIN/REL TO USA, KOR", "25X1", "XYZZY", "DEA SENSITIVE",
        "LIMDIS", "REL TO", "", "/", "NOFORN/ORCON", "SPECIAL ACCESS REQUIRED-BUTTER POPCORN", "RD-SIGMA 14", "TFNI",
        "DCNI", "BOHEMIA", "HCS-X", "RSV", "CNWDI", "EYES ONLY", "REL TO USA, , GBR", "FGI GBR XYZ", "SI--G", "SAR-bp",
        "REL TO KOR, USA", "NS", "KDK", "LES NOFORN", "SBU-NF", "XD/ND", "RD-N", "FRD"};
    Random random = new Random(16L);
    List<String> markings = new ArrayList<>();
    for (int i = 0; i < RANDOM_CASES * 3 / 4; i++) {
      StringBuilder marking = new StringBuilder(heads[random.nextInt(heads.length)]);
      int count = random.nextInt(5);
      for (int j = 0; j < count; j++) {
        marking.append("//").append(blocks[random.nextInt(blocks.length)]);
      }
      markings.add(random.nextBoolean() ? marking.toString() : "(" + marking + ")");
    }
    String alphabet = "()/ ,-SECRTNOFUGI";
    for (int i = markings.size(); i < RANDOM_CASES; i++) {
      StringBuilder marking = new StringBuilder();
      int length = random.nextInt(20);
      for (int j = 0; j < length; j++) {
        marking.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      markings.add(marking.toString());
    }
    return markings;
  }

  /** The LabelFixtures world with some parties hidden, for the "registry does not know" paths. */
  private static PartyDirectory without(Set<String> hidden) {
    PartyDirectory fixtures = PartyDirectory.of(LabelFixtures.registry());
    return new PartyDirectory() {
      @Override
      public Optional<Party> findParty(PartyCode code) {
        return hidden.contains(code.value()) ? Optional.empty() : fixtures.findParty(code);
      }

      @Override
      public Optional<Community> findCommunity(String name) {
        return fixtures.findCommunity(name);
      }
    };
  }

  private static int closingQuote(String line) {
    if (line.charAt(0) != '"') {
      throw new IllegalArgumentException("a case starts with '\"': " + line);
    }
    for (int i = 1; i < line.length(); i++) {
      if (line.charAt(i) == '\\') {
        i++;
      } else if (line.charAt(i) == '"') {
        return i;
      }
    }
    throw new IllegalArgumentException("unclosed case: " + line);
  }

  private static String unquote(String body) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = body.charAt(++i);
      switch (escaped) {
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'u' -> {
          out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(escaped);
      }
    }
    return out.toString();
  }

  /** A Java-style literal: quotes and backslashes escaped, control characters as a backslash, u and four hex digits. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || Character.isWhitespace(c) && c != ' ') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
