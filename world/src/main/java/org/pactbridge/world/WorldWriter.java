package org.pactbridge.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.EventType;
import org.pactbridge.core.agreement.ProvisionVersion;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.party.ClassificationScheme;
import org.pactbridge.core.party.Community;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Exercise;
import org.pactbridge.core.registry.ExerciseEdition;
import org.pactbridge.core.registry.PartnerCount;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.registry.Source;
import org.pactbridge.core.time.DateSpec;

/**
 * Writes a registry as a world folder that {@link WorldLoader#load(Path)} reads back into an equal
 * registry: {@code world.yaml} and one file per section. Instants are written exactly (a date alone when
 * it is 00:00 UTC), inferred facts explicitly (an entry into force taken from the signing date is written
 * as an assumed event), and every string double-quoted. What the registry does not keep is not written:
 * notes on schemes and levels, the sources of known partners, and the sources and notes of individual
 * logistics conditions.
 */
public final class WorldWriter {
  private WorldWriter() {}

  /** The files of the world, by name, manifest first: what {@link #write} puts on disk. */
  public static Map<String, String> render(Registry registry, String name) {
    Map<String, String> sections = new LinkedHashMap<>();
    if (!registry.sources().isEmpty()) {
      sections.put("sources.yaml", sources(registry));
    }
    sections.put("parties.yaml", parties(registry));
    if (!registry.communities().isEmpty()) {
      sections.put("communities.yaml", communities(registry));
    }
    if (!registry.agreements().isEmpty()) {
      sections.put("agreements.yaml", agreements(registry));
    }
    if (!registry.knownPartnersWithoutDates().isEmpty()) {
      sections.put("known-partners.yaml", knownPartners(registry));
    }
    if (!registry.partnerCounts().isEmpty()) {
      sections.put("counts.yaml", counts(registry));
    }
    if (!registry.exercises().isEmpty()) {
      sections.put("exercises.yaml", exercises(registry));
    }
    StringBuilder manifest = new StringBuilder("# Written by pactbridge export. Format: docs/world-format.md.\n");
    manifest.append("format: pactbridge-world/1\n");
    manifest.append("name: ").append(quote(name)).append('\n');
    manifest.append("files:\n");
    for (String file : sections.keySet()) {
      manifest.append("  - ").append(file).append('\n');
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put(WorldLoader.MANIFEST, manifest.toString());
    files.putAll(sections);
    return files;
  }

  /**
   * Writes the world into {@code dir}, creating it. Refuses a folder that already holds a
   * {@code world.yaml}: an export never overwrites a world.
   */
  public static List<Path> write(Registry registry, Path dir, String name) {
    Path manifest = dir.resolve(WorldLoader.MANIFEST);
    if (Files.exists(manifest)) {
      throw new WorldFormatException(manifest.toString(), 0, 0, "", "a world is already there: export into an empty folder");
    }
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (Map.Entry<String, String> file : render(registry, name).entrySet()) {
        Path path = dir.resolve(file.getKey());
        Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        written.add(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the world into " + dir, e);
    }
    return written;
  }

  private static String sources(Registry registry) {
    StringBuilder out = new StringBuilder("sources:\n");
    for (Source source : registry.sources().values()) {
      out.append("  ").append(quote(source.id())).append(": {url: ").append(quote(source.url())).append(", publisher: ")
          .append(quote(source.publisher())).append(", type: ").append(quote(source.type())).append(", lang: ").append(quote(source.lang()))
          .append("}\n");
    }
    return out.toString();
  }

  private static String parties(Registry registry) {
    StringBuilder out = new StringBuilder("parties:\n");
    for (Party party : registry.parties()) {
      out.append("  - code: ").append(party.code()).append('\n');
      out.append("    name: ").append(quote(party.name())).append('\n');
      out.append("    kind: ").append(party.kind()).append('\n');
      if (party.schemeAssumed()) {
        out.append("    assumed: true\n");
      }
      list(out, "    ", "sources", party.sources());
      out.append("    schemes:\n");
      for (ClassificationScheme scheme : party.schemes()) {
        out.append("      - name: ").append(quote(scheme.name())).append('\n');
        if (scheme.validFrom() != null) {
          out.append("        from: ").append(quote(date(scheme.validFrom()))).append('\n');
        }
        out.append("        levels:\n");
        for (Level level : scheme.classifiedLevels()) {
          out.append("          - {code: ").append(level.code()).append(", rank: ").append(level.rank()).append(", native: ")
              .append(quote(level.nativeName())).append(", english: ").append(quote(level.englishName())).append(", aliases: ")
              .append(inline(level.aliases())).append("}\n");
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String communities(Registry registry) {
    StringBuilder out = new StringBuilder("communities:\n");
    for (Community community : new TreeMap<>(registry.communities()).values()) {
      out.append("  - name: ").append(quote(community.name())).append('\n');
      if (!community.members().isEmpty()) {
        out.append("    members: ").append(inline(community.members().stream().map(PartyCode::value).sorted().toList())).append('\n');
      }
      if (!community.membersKnown()) {
        out.append("    membersKnown: false\n");
      }
      if (community.assumed()) {
        out.append("    assumed: true\n");
      }
      list(out, "    ", "sources", community.sources());
    }
    return out.toString();
  }

  private static String agreements(Registry registry) {
    StringBuilder out = new StringBuilder("agreements:\n");
    for (Agreement agreement : registry.agreements()) {
      out.append("  - id: ").append(quote(agreement.id().value())).append('\n');
      out.append("    kind: ").append(agreement.kind()).append('\n');
      out.append("    title: ").append(quote(agreement.title())).append('\n');
      out.append("    parties: ").append(inline(agreement.parties().stream().map(PartyCode::value).toList())).append('\n');
      list(out, "    ", "sources", agreement.sources());
      if (!agreement.note().isEmpty()) {
        out.append("    note: ").append(quote(agreement.note())).append('\n');
      }
      if (!agreement.timeline().events().isEmpty()) {
        out.append("    timeline:\n");
        for (TimelineEvent event : agreement.timeline().events()) {
          out.append("      - {type: ").append(event.type()).append(", at: ").append(eventDate(event));
          if (event.takesEffect() != null) {
            out.append(", takesEffect: ").append(quote(date(event.takesEffect())));
          }
          if (event.assumed()) {
            out.append(", assumed: true");
          }
          if (!event.sources().isEmpty()) {
            out.append(", sources: ").append(inline(event.sources()));
          }
          if (!event.note().isEmpty()) {
            out.append(", note: ").append(quote(event.note()));
          }
          out.append("}\n");
        }
      }
      out.append("    provisions:\n");
      for (ProvisionVersion version : agreement.versions()) {
        provisions(out, version);
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static void provisions(StringBuilder out, ProvisionVersion version) {
    Provisions provisions = version.provisions();
    String indent = "        ";
    out.append("      - thirdParty: ").append(provisions.thirdPartyRule()).append('\n');
    if (version.from() != null) {
      out.append(indent).append("from: ").append(quote(date(version.from()))).append('\n');
    }
    if (!version.label().isEmpty()) {
      out.append(indent).append("label: ").append(quote(version.label())).append('\n');
    }
    out.append(indent).append("scope: ").append(provisions.scope().isUnrestricted() ? "all"
        : inline(provisions.scope().topics().stream().map(topic -> topic.slug()).toList())).append('\n');
    if (provisions.assumed()) {
      out.append(indent).append("assumed: true\n");
    }
    list(out, indent, "sources", provisions.sources());
    if (!provisions.note().isEmpty()) {
      out.append(indent).append("note: ").append(quote(provisions.note())).append('\n');
    }
    ProvisionsSection.of(provisions.kind()).write(out, indent, provisions);
  }

  private static String knownPartners(Registry registry) {
    StringBuilder out = new StringBuilder("knownPartners:\n");
    for (String partner : registry.knownPartnersWithoutDates()) {
      int colon = partner.indexOf(": ");
      if (colon < 3) {
        throw new IllegalArgumentException("known partner '" + partner + "' is not of the form 'PARTY: instrument'");
      }
      out.append("  - {party: ").append(partner, 0, colon).append(", instrument: ").append(quote(partner.substring(colon + 2))).append("}\n");
    }
    return out.toString();
  }

  private static String exercises(Registry registry) {
    StringBuilder out = new StringBuilder("exercises:\n");
    for (Exercise exercise : registry.exercises()) {
      out.append("  - id: ").append(exercise.id()).append('\n');
      if (!exercise.title().isEmpty()) {
        out.append("    title: ").append(quote(exercise.title())).append('\n');
      }
      out.append("    parties: ").append(inline(exercise.parties().stream().map(PartyCode::value).toList())).append('\n');
      list(out, "    ", "sources", exercise.sources());
      if (!exercise.note().isEmpty()) {
        out.append("    note: ").append(quote(exercise.note())).append('\n');
      }
      out.append("    editions:\n");
      for (ExerciseEdition edition : exercise.editions()) {
        out.append("      - {");
        if (edition.number() != null) {
          out.append("edition: ").append(edition.number()).append(", ");
        }
        Instant last = edition.until().minus(Duration.ofDays(1));
        out.append("at: ").append(quote(partial(edition.from(), edition.precision())));
        if (edition.precision() == DateSpec.Precision.DAY && !last.equals(edition.from())) {
          out.append(", until: ").append(quote(date(last)));
        }
        if (!edition.location().isEmpty()) {
          out.append(", location: ").append(quote(edition.location()));
        }
        if (edition.assumed() && edition.precision() == DateSpec.Precision.DAY) {
          out.append(", assumed: true");
        }
        if (!edition.confidence().isEmpty()) {
          out.append(", confidence: ").append(quote(edition.confidence()));
        }
        out.append(", sources: ").append(inline(edition.sources()));
        if (!edition.note().isEmpty()) {
          out.append(", note: ").append(quote(edition.note()));
        }
        out.append("}\n");
      }
    }
    return out.toString();
  }

  /** A date written to its precision: {@code 1999}, {@code 1999-08} or the day. */
  private static String partial(Instant at, DateSpec.Precision precision) {
    return switch (precision) {
      case YEAR -> String.valueOf(at.atOffset(ZoneOffset.UTC).getYear());
      case MONTH -> YearMonth.from(at.atOffset(ZoneOffset.UTC)).toString();
      case DAY, INSTANT -> date(at);
    };
  }

  private static String counts(Registry registry) {
    StringBuilder out = new StringBuilder("counts:\n");
    for (PartnerCount count : registry.partnerCounts()) {
      String asOf = partial(count.asOf(), count.precision());
      out.append("  - {party: ").append(count.party()).append(", asOf: ").append(quote(asOf)).append(", count: ").append(quote(count.count()));
      if (!count.basis().isEmpty()) {
        out.append(", basis: ").append(quote(count.basis()));
      }
      out.append(", sources: ").append(inline(count.sources()));
      if (!count.confidence().isEmpty()) {
        out.append(", confidence: ").append(quote(count.confidence()));
      }
      if (!count.note().isEmpty()) {
        out.append(", note: ").append(quote(count.note()));
      }
      out.append("}\n");
    }
    return out.toString();
  }

  static void list(StringBuilder out, String indent, String key, List<String> values) {
    if (!values.isEmpty()) {
      out.append(indent).append(key).append(": ").append(inline(values)).append('\n');
    }
  }

  static String inline(List<String> values) {
    List<String> quoted = new ArrayList<>(values.size());
    for (String value : values) {
      quoted.add(quote(value));
    }
    return "[" + String.join(", ", quoted) + "]";
  }

  /** A date alone when the instant is 00:00 UTC (the loader reads it back as that instant), else the ISO instant. */
  /**
   * An event's {@code at} as the reader takes it back: a partial date with the day it was read at, and
   * for STATUS_UNKNOWN the last day the status was known (the day before the event's instant).
   */
  private static String eventDate(TimelineEvent event) {
    Instant base = event.type() == EventType.STATUS_UNKNOWN && event.precision() != DateSpec.Precision.INSTANT
        ? event.at().minus(Duration.ofDays(1)) : event.at();
    return switch (event.precision()) {
      case YEAR -> quote(String.valueOf(base.atOffset(ZoneOffset.UTC).getYear())) + ", day: " + quote(date(base));
      case MONTH -> quote(YearMonth.from(base.atOffset(ZoneOffset.UTC)).toString()) + ", day: " + quote(date(base));
      case DAY, INSTANT -> quote(date(base));
    };
  }

  static String date(Instant instant) {
    if (instant.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
    return instant.toString();
  }

  /** A YAML double-quoted scalar: backslash escapes for quotes, backslashes and every non-printable character. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
