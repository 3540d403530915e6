package org.pactbridge.core.label;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pactbridge.core.party.ClassificationScheme;
import org.pactbridge.core.party.Community;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;

/**
 * A small hand-built world for label tests: the US, NATO, Korea, Japan, the UK (two scheme versions)
 * and the other parties the conformance vectors name, with the communities NATO, FVEY, ISAF, KFOR,
 * RESOLUTE SUPPORT and EAPC.
 */
public final class LabelFixtures {
  public static final Instant UK_SCHEME_CHANGE = Instant.parse("2014-04-02T00:00:00Z");

  private static final Registry REGISTRY = build();

  private LabelFixtures() {}

  public static Registry registry() {
    return REGISTRY;
  }

  public static PartyCode party(String code) {
    return PartyCode.of(code);
  }

  public static Level level(String party, String code) {
    return REGISTRY.requireParty(PartyCode.of(party)).allLevelsByCode().get(code);
  }

  /**
   * The text of one conformance vector file, {@code conformance/FOLDER/FILE} on the test classpath
   * ({@code core/src/test/resources/conformance/}, with each set's licence and provenance). Read from the
   * classpath, not a folder, so that other modules read the same files through this module's test jar.
   */
  public static String conformance(String folder, String file) {
    return resource("conformance/" + folder + "/" + file);
  }

  /** The UTF-8 text of a file on the test classpath, such as {@code marking/golden.txt}. */
  public static String resource(String name) {
    try (InputStream in = LabelFixtures.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("not on the test classpath: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + name, e);
    }
  }

  /** The folder of one set of conformance vectors, for listing it: only in this module, whose test classes are a folder. */
  public static Path conformanceFolder(String folder) {
    URL url = LabelFixtures.class.getClassLoader().getResource("conformance/" + folder);
    if (url == null || !"file".equals(url.getProtocol())) {
      throw new IllegalStateException("conformance folder not a directory on the test classpath: " + folder + " (" + url + ")");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("conformance folder " + url, e);
    }
  }

  private static Registry build() {
    Registry.Builder builder = Registry.builder();
    builder.party(party("USA", "United States", Party.Kind.NATION, null,
        level("USA", "CONFIDENTIAL", 1, "CONFIDENTIAL", "C"),
        level("USA", "SECRET", 2, "SECRET", "S"),
        level("USA", "TOP_SECRET", 3, "TOP SECRET", "TS")));
    builder.party(party("NATO", "North Atlantic Treaty Organization", Party.Kind.ORGANISATION, null,
        level("NATO", "NATO_RESTRICTED", 1, "NATO RESTRICTED", "NR"),
        level("NATO", "NATO_CONFIDENTIAL", 2, "NATO CONFIDENTIAL", "NC"),
        level("NATO", "NATO_SECRET", 3, "NATO SECRET", "NS"),
        level("NATO", "COSMIC_TOP_SECRET", 4, "COSMIC TOP SECRET", "CTS")));
    builder.party(party("KOR", "Republic of Korea", Party.Kind.NATION, null,
        level("KOR", "III", 1, "군사 Ⅲ급비밀", "3급"),
        level("KOR", "II", 2, "군사 Ⅱ급비밀", "2급"),
        level("KOR", "I", 3, "군사 Ⅰ급비밀", "1급")));
    builder.party(party("JPN", "Japan", Party.Kind.NATION, null,
        level("JPN", "HI", 1, "秘", "HI"),
        level("JPN", "GOKUHI", 2, "極秘", "GOKUHI"),
        level("JPN", "TOKUTEI", 2, "特定秘密", "TOKUTEI"),
        level("JPN", "KIMITSU", 3, "機密", "KIMITSU")));
    Party uk = new Party(PartyCode.of("GBR"), "United Kingdom", Party.Kind.NATION, List.of(
        new ClassificationScheme(PartyCode.of("GBR"), null, "GPMS", List.of(
            level("GBR", "RESTRICTED", 1, "RESTRICTED", "R"),
            level("GBR", "CONFIDENTIAL", 2, "CONFIDENTIAL", "C"),
            level("GBR", "SECRET", 3, "SECRET", "S"),
            level("GBR", "TOP_SECRET", 4, "TOP SECRET", "TS"))),
        new ClassificationScheme(PartyCode.of("GBR"), UK_SCHEME_CHANGE, "GSC", List.of(
            level("GBR", "OFFICIAL", 1, "OFFICIAL", "O"),
            level("GBR", "SECRET", 3, "SECRET", "S"),
            level("GBR", "TOP_SECRET", 4, "TOP SECRET", "TS")))),
        false, List.of());
    builder.party(uk);
    java.util.Map<String, String> names = java.util.Map.of("AUS", "Australia", "CAN", "Canada", "DEU", "Germany",
        "FRA", "France", "ITA", "Italy", "CHE", "Switzerland", "UKR", "Ukraine", "IRL", "Ireland", "SWE", "Sweden",
        "NZL", "New Zealand");
    for (String code : List.of("AUS", "CAN", "DEU", "FRA", "ITA", "CHE", "UKR", "IRL", "SWE", "NZL")) {
      builder.party(party(code, names.get(code), Party.Kind.NATION, null,
          level(code, "RESTRICTED", 1, "RESTRICTED", "R"),
          level(code, "CONFIDENTIAL", 2, "CONFIDENTIAL", "C"),
          level(code, "SECRET", 3, "SECRET", "S"),
          level(code, "TOP_SECRET", 4, "TOP SECRET", "TS")));
    }
    builder.community(community("NATO", true, "USA", "GBR", "CAN", "DEU", "FRA", "ITA"));
    builder.community(community("FVEY", true, "USA", "GBR", "CAN", "AUS", "NZL"));
    builder.community(community("ISAF", false, "USA", "GBR", "DEU", "AUS"));
    builder.community(community("KFOR", false, "USA", "DEU", "ITA", "CHE", "UKR", "IRL", "SWE"));
    builder.community(community("RESOLUTE SUPPORT", false, "USA", "GBR", "DEU", "ITA"));
    builder.community(community("EAPC", false, "USA", "GBR", "CHE", "UKR", "IRL", "SWE"));
    return builder.build();
  }

  private static Level level(String party, String code, int rank, String nativeName, String alias) {
    return new Level(PartyCode.of(party), code, rank, nativeName, code, List.of(alias));
  }

  private static Party party(String code, String name, Party.Kind kind, Instant from, Level... levels) {
    ClassificationScheme scheme = new ClassificationScheme(PartyCode.of(code), from, name, List.of(levels));
    return new Party(PartyCode.of(code), name, kind, List.of(scheme), false, List.of());
  }

  private static Community community(String name, boolean known, String... members) {
    List<PartyCode> codes = new ArrayList<>();
    for (String member : members) {
      codes.add(PartyCode.of(member));
    }
    return new Community(name, Set.copyOf(codes), known, List.of());
  }
}
