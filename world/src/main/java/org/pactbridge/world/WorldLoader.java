package org.pactbridge.world;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.Channel;
import org.pactbridge.core.agreement.EquivalenceTable;
import org.pactbridge.core.agreement.EventType;
import org.pactbridge.core.agreement.ProvisionVersion;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.agreement.Scope;
import org.pactbridge.core.agreement.ThirdPartyRule;
import org.pactbridge.core.agreement.Timeline;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.logistics.terms.Activity;
import org.pactbridge.core.logistics.terms.AreaRestriction;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.logistics.terms.LogisticsTerms;
import org.pactbridge.core.logistics.terms.ReimbursementMode;
import org.pactbridge.core.party.ClassificationScheme;
import org.pactbridge.core.party.Community;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.registry.Source;
import org.pactbridge.core.time.DateSpec;

/**
 * Reads a world: a folder whose {@code world.yaml} lists the files to read, each holding any of the
 * sections {@code sources}, {@code parties}, {@code communities}, {@code agreements} and
 * {@code knownPartners}. Strict: an unknown field, an unknown party, level or source id, or a bad date
 * is a {@link WorldFormatException} naming the file, line and field. Nothing is partially loaded: the
 * registry is built only when every file has been read.
 *
 * <p>Reading rules that come from the design: a date alone is 00:00 UTC; a date known only to the month
 * or year is read at its conservative end (an event that starts something at the last day, one that
 * ends or suspends something at the first) and marked assumed; an agreement with a signing but no
 * entry into force enters into force on its signing date, marked assumed.
 */
public final class WorldLoader {
  /** The manifest every world folder has. */
  public static final String MANIFEST = "world.yaml";

  private static final String REFERENCE = "/org/pactbridge/world/reference/";
  private static volatile Registry reference;

  private static final Set<String> SECTIONS = Set.of("sources", "parties", "communities", "agreements", "knownPartners");

  /** Where the files of a world come from: a folder, or the classpath for the reference world. */
  interface FileSource {
    String read(String name);
  }

  private WorldLoader() {}

  /** The built-in reference world, derived from the shared research record. Loaded once, then shared. */
  public static Registry reference() {
    Registry loaded = reference;
    if (loaded == null) {
      synchronized (WorldLoader.class) {
        loaded = reference;
        if (loaded == null) {
          loaded = load(WorldLoader::readResource);
          reference = loaded;
        }
      }
    }
    return loaded;
  }

  /** Reads the world in {@code dir}. */
  public static Registry load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new WorldFormatException(dir.toString(), 0, 0, "", "not a folder");
    }
    return load(name -> {
      Path file = dir.resolve(name).normalize();
      if (!file.startsWith(dir.normalize())) {
        throw new WorldFormatException(MANIFEST, 0, 0, "files", "'" + name + "' lies outside the world folder");
      }
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new WorldFormatException(name, 0, 0, "", "file not found in " + dir);
      } catch (java.nio.charset.MalformedInputException e) {
        throw new WorldFormatException(name, 0, 0, "", "not UTF-8 text");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    });
  }

  /** The names of the files the reference world is made of, manifest first. */
  public static List<String> referenceFiles() {
    List<String> names = new ArrayList<>();
    names.add(MANIFEST);
    Yaml manifest = Yaml.parse(MANIFEST, readResource(MANIFEST));
    names.addAll(manifest.requireOnly(Set.of("format", "name", "files")).get("files").texts());
    return names;
  }

  /** The text of one file of the reference world. */
  public static String readResource(String name) {
    try (InputStream in = WorldLoader.class.getResourceAsStream(REFERENCE + name)) {
      if (in == null) {
        throw new WorldFormatException(name, 0, 0, "", "file not found in the reference world");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reference world file " + name, e);
    }
  }

  static Registry load(FileSource files) {
    Yaml manifest = Yaml.parse(MANIFEST, files.read(MANIFEST));
    Map<String, Yaml> top = manifest.requireOnly(Set.of("format", "name", "files"));
    Yaml format = required(manifest, top, "format");
    if (!format.text().equals("pactbridge-world/1")) {
      throw format.error("unsupported format '" + format.text() + "' (this program reads pactbridge-world/1)");
    }
    Map<String, List<Yaml>> sections = new LinkedHashMap<>();
    for (String section : List.of("sources", "parties", "communities", "agreements", "knownPartners")) {
      sections.put(section, new ArrayList<>());
    }
    for (Yaml name : required(manifest, top, "files").sequence()) {
      String file = name.text();
      Yaml document = Yaml.parse(file, files.read(file));
      for (Map.Entry<String, Yaml> section : document.requireOnly(SECTIONS).entrySet()) {
        sections.get(section.getKey()).add(section.getValue());
      }
    }
    Reader reader = new Reader();
    sections.get("sources").forEach(reader::sources);
    sections.get("parties").forEach(reader::parties);
    sections.get("communities").forEach(reader::communities);
    sections.get("agreements").forEach(reader::agreements);
    sections.get("knownPartners").forEach(reader::knownPartners);
    return reader.builder.build();
  }

  private static Yaml required(Yaml parent, Map<String, Yaml> entries, String key) {
    Yaml value = entries.get(key);
    if (value == null || value.isNull()) {
      throw parent.error("missing required field '" + key + "'");
    }
    return value;
  }

  /** Turns sections into core objects, in dependency order; keeps the registry builder. */
  private static final class Reader {
    private final Registry.Builder builder = Registry.builder();
    private final Map<PartyCode, Party> parties = new LinkedHashMap<>();

    void sources(Yaml section) {
      for (Map.Entry<String, Yaml> entry : section.mapping().entrySet()) {
        Map<String, Yaml> fields = entry.getValue().requireOnly(Set.of("url", "publisher", "type", "lang"));
        String id = entry.getKey();
        if (builder.hasSource(id)) {
          throw entry.getValue().error("source " + id + " is defined twice");
        }
        builder.source(new Source(id, text(fields, "url"), text(fields, "publisher"), text(fields, "type"), text(fields, "lang")));
      }
    }

    void parties(Yaml section) {
      for (Yaml entry : section.sequence()) {
        Map<String, Yaml> fields = entry.requireOnly(Set.of("code", "name", "kind", "schemes", "assumed", "sources", "note"));
        Yaml codeNode = required(entry, fields, "code");
        PartyCode code = partyCode(codeNode);
        if (parties.containsKey(code)) {
          throw codeNode.error("party " + code + " is defined twice");
        }
        Party.Kind kind = enumValue(required(entry, fields, "kind"), Party.Kind.class);
        List<ClassificationScheme> schemes = new ArrayList<>();
        for (Yaml schemeNode : required(entry, fields, "schemes").sequence()) {
          schemes.add(scheme(code, schemeNode));
        }
        if (schemes.isEmpty()) {
          throw fields.get("schemes").error("a party needs at least one scheme");
        }
        Party party = new Party(
            code, required(entry, fields, "name").text(), kind, schemes, flag(fields, "assumed"), sourceIds(fields.get("sources")));
        parties.put(code, party);
        builder.party(party);
      }
    }

    private ClassificationScheme scheme(PartyCode party, Yaml node) {
      Map<String, Yaml> fields = node.requireOnly(Set.of("name", "from", "levels", "sources", "note"));
      Instant from = fields.containsKey("from") && !fields.get("from").isNull() ? date(fields.get("from")).earliest() : null;
      List<Level> levels = new ArrayList<>();
      Set<String> codes = new LinkedHashSet<>();
      int previousRank = 0;
      for (Yaml levelNode : required(node, fields, "levels").sequence()) {
        Map<String, Yaml> level = levelNode.requireOnly(Set.of("code", "rank", "native", "english", "aliases", "note"));
        Yaml codeNode = required(levelNode, level, "code");
        String code = codeNode.text();
        if (!code.matches("[A-Z][A-Z0-9_]*")) {
          throw codeNode.error("a level code is upper-case letters, digits and '_', found '" + code + "'");
        }
        if (!codes.add(code)) {
          throw codeNode.error("level " + code + " appears twice in this scheme");
        }
        Yaml rankNode = required(levelNode, level, "rank");
        int rank = rankNode.integer();
        if (rank < 1) {
          throw rankNode.error("ranks start at 1 (0 is the implicit unclassified level), found " + rank);
        }
        if (rank < previousRank) {
          throw rankNode.error("levels are listed lowest first: rank " + rank + " follows rank " + previousRank);
        }
        previousRank = rank;
        List<String> aliases = level.containsKey("aliases") ? level.get("aliases").texts() : List.of();
        levels.add(new Level(party, code, rank, optionalText(level, "native"), optionalText(level, "english"), aliases));
      }
      sourceIds(fields.get("sources"));
      return new ClassificationScheme(party, from, required(node, fields, "name").text(), levels);
    }

    void communities(Yaml section) {
      for (Yaml entry : section.sequence()) {
        Map<String, Yaml> fields = entry.requireOnly(Set.of("name", "members", "membersKnown", "sources", "note"));
        String name = required(entry, fields, "name").text();
        Set<PartyCode> members = new LinkedHashSet<>();
        if (fields.containsKey("members")) {
          for (Yaml member : fields.get("members").sequence()) {
            members.add(partyCode(member));
          }
        }
        if (builder.hasCommunity(name)) {
          throw entry.error("community " + name + " is defined twice");
        }
        builder.community(new Community(name, members, !fields.containsKey("membersKnown") || fields.get("membersKnown").bool(),
            sourceIds(fields.get("sources"))));
      }
    }

    void knownPartners(Yaml section) {
      for (Yaml entry : section.sequence()) {
        Map<String, Yaml> fields = entry.requireOnly(Set.of("party", "instrument", "status", "sources", "note"));
        partyCode(required(entry, fields, "party"));
        sourceIds(fields.get("sources"));
        String status = optionalText(fields, "status");
        builder.knownPartner(fields.get("party").text() + ": " + required(entry, fields, "instrument").text()
            + (status == null ? "" : " (" + status + ")"));
      }
    }

    void agreements(Yaml section) {
      for (Yaml entry : section.sequence()) {
        Agreement agreement = agreement(entry);
        if (builder.hasAgreement(agreement.id())) {
          throw entry.error("agreement " + agreement.id() + " is defined twice");
        }
        builder.agreement(agreement);
      }
    }

    private Agreement agreement(Yaml node) {
      Map<String, Yaml> fields = node.requireOnly(Set.of("id", "kind", "title", "parties", "timeline", "provisions", "sources", "note"));
      Yaml idNode = required(node, fields, "id");
      AgreementId id;
      try {
        id = AgreementId.of(idNode.text());
      } catch (InvalidInputException e) {
        throw idNode.error(e.getMessage());
      }
      AgreementKind kind = enumValue(required(node, fields, "kind"), AgreementKind.class);
      List<PartyCode> members = new ArrayList<>();
      Yaml partiesNode = required(node, fields, "parties");
      for (Yaml partyNode : partiesNode.sequence()) {
        PartyCode code = knownParty(partyNode);
        if (members.contains(code)) {
          throw partyNode.error("party " + code + " is listed twice");
        }
        members.add(code);
      }
      if (members.size() < 2) {
        throw partiesNode.error("an agreement needs at least two parties");
      }
      List<TimelineEvent> events = new ArrayList<>();
      if (fields.containsKey("timeline")) {
        for (Yaml eventNode : fields.get("timeline").sequence()) {
          events.add(event(eventNode));
        }
      }
      inferEntryIntoForce(events);
      List<ProvisionVersion> versions = new ArrayList<>();
      if (fields.containsKey("provisions")) {
        for (Yaml versionNode : fields.get("provisions").sequence()) {
          versions.add(provisionVersion(versionNode, members, kind));
        }
      }
      if (versions.isEmpty()) {
        versions.add(new ProvisionVersion(null, "", new Provisions(null, Scope.all(), ThirdPartyRule.ORIGINATOR_CONSENT, null, false, List.of(), "")));
      }
      return new Agreement(id, kind, optionalText(fields, "title"), members, new Timeline(events), versions,
          sourceIds(fields.get("sources")), optionalText(fields, "note"));
    }

    /** Design rule: no sourced entry into force → in force on the signing date, assumed. */
    private static void inferEntryIntoForce(List<TimelineEvent> events) {
      boolean hasInForce = events.stream().anyMatch(event -> event.type() == EventType.IN_FORCE);
      if (hasInForce) {
        return;
      }
      for (TimelineEvent event : events) {
        if (event.type() == EventType.SIGNED) {
          events.add(events.indexOf(event) + 1, new TimelineEvent(EventType.IN_FORCE, event.at(), null, true, event.sources(),
              "entry into force not sourced: taken as the signing date"));
          return;
        }
      }
    }

    private TimelineEvent event(Yaml node) {
      Map<String, Yaml> fields = node.requireOnly(Set.of("type", "at", "takesEffect", "assumed", "sources", "note"));
      EventType type = enumValue(required(node, fields, "type"), EventType.class);
      DateSpec at = date(required(node, fields, "at"));
      boolean ends = switch (type) {
        case TERMINATION_NOTICE, SUSPENDED, TERMINATED, EXPIRED -> true;
        default -> false;
      };
      Instant instant = ends ? at.earliest() : at.latest();
      Instant takesEffect = null;
      if (fields.containsKey("takesEffect")) {
        if (type != EventType.TERMINATION_NOTICE) {
          throw fields.get("takesEffect").error("only a TERMINATION_NOTICE takes effect later");
        }
        takesEffect = date(fields.get("takesEffect")).earliest();
        if (takesEffect.isBefore(instant)) {
          throw fields.get("takesEffect").error("a notice cannot take effect before it is given");
        }
      } else if (type == EventType.TERMINATION_NOTICE) {
        throw node.error("missing required field 'takesEffect' (when the termination would take effect)");
      }
      boolean assumed = at.assumed() || flag(fields, "assumed");
      return new TimelineEvent(type, instant, takesEffect, assumed, sourceIds(fields.get("sources")), optionalText(fields, "note"));
    }

    private ProvisionVersion provisionVersion(Yaml node, List<PartyCode> members, AgreementKind kind) {
      Map<String, Yaml> fields = node.requireOnly(
          Set.of("from", "label", "scope", "thirdParty", "equivalence", "channel", "logistics", "assumed", "sources", "note"));
      Instant from = fields.containsKey("from") && !fields.get("from").isNull() ? date(fields.get("from")).latest() : null;
      Scope scope = Scope.all();
      if (fields.containsKey("scope")) {
        Yaml scopeNode = fields.get("scope");
        if (scopeNode.isSequence()) {
          Set<Topic> topics = new LinkedHashSet<>();
          for (Yaml topic : scopeNode.sequence()) {
            try {
              topics.add(Topic.of(topic.text()));
            } catch (InvalidInputException e) {
              throw topic.error(e.getMessage());
            }
          }
          scope = Scope.of(topics);
        } else if (!scopeNode.text().equals("all")) {
          throw scopeNode.error("expected 'all' or a list of topics, found '" + scopeNode.text() + "'");
        }
      }
      ThirdPartyRule rule = fields.containsKey("thirdParty") ? enumValue(fields.get("thirdParty"), ThirdPartyRule.class)
          : ThirdPartyRule.ORIGINATOR_CONSENT;
      EquivalenceTable table = fields.containsKey("equivalence") ? equivalence(fields.get("equivalence"), members) : null;
      Channel channel = null;
      if (fields.containsKey("channel")) {
        if (kind != AgreementKind.ARRANGEMENT) {
          throw fields.get("channel").error("only an ARRANGEMENT defines a channel");
        }
        channel = channel(fields.get("channel"), members);
      }
      LogisticsTerms logistics = null;
      if (fields.containsKey("logistics")) {
        if (kind != AgreementKind.LOGISTICS) {
          throw fields.get("logistics").error("only a LOGISTICS agreement has logistics terms");
        }
        logistics = logistics(fields.get("logistics"), members);
      }
      Provisions provisions = new Provisions(table, scope, rule, channel, flag(fields, "assumed"), sourceIds(fields.get("sources")),
          optionalText(fields, "note"), logistics);
      return new ProvisionVersion(from, optionalText(fields, "label"), provisions);
    }

    private EquivalenceTable equivalence(Yaml node, List<PartyCode> members) {
      Map<String, Yaml> fields = node.requireOnly(Set.of("rows", "assumed", "sources", "note"));
      List<Map<PartyCode, List<Level>>> rows = new ArrayList<>();
      Set<Level> seen = new LinkedHashSet<>();
      for (Yaml rowNode : required(node, fields, "rows").sequence()) {
        Map<PartyCode, List<Level>> row = new LinkedHashMap<>();
        for (Map.Entry<String, Yaml> cell : rowNode.mapping().entrySet()) {
          PartyCode party;
          try {
            party = PartyCode.parse(cell.getKey());
          } catch (InvalidInputException e) {
            throw cell.getValue().error("'" + cell.getKey() + "' is not a party code");
          }
          if (!members.contains(party)) {
            throw cell.getValue().error(party + " is not a party to this agreement");
          }
          List<Yaml> codes = cell.getValue().isSequence() ? cell.getValue().sequence() : List.of(cell.getValue());
          List<Level> levels = new ArrayList<>();
          for (Yaml codeNode : codes) {
            Level level = parties.get(party).findLevelInAnyVersion(codeNode.text()).orElseThrow(
                () -> codeNode.error("unknown level '" + codeNode.text() + "' for " + party));
            if (!seen.add(level)) {
              throw codeNode.error("level " + level + " appears in two rows");
            }
            levels.add(level);
          }
          row.put(party, levels);
        }
        rows.add(row);
      }
      return new EquivalenceTable(rows, flag(fields, "assumed"), sourceIds(fields.get("sources")), optionalText(fields, "note"));
    }

    /** The {@code logistics:} section of a provisions version: see docs/world-format.md. */
    private LogisticsTerms logistics(Yaml node, List<PartyCode> members) {
      Map<String, Yaml> fields = node.requireOnly(Set.of("categories", "excluded", "conditions", "activities", "areaRestrictions",
          "reimbursement", "settlementPeriod", "settlementAssumed", "assumed", "sources", "note"));
      LogisticsTerms.Builder terms = LogisticsTerms.builder();
      terms.categories(slugs(required(node, fields, "categories"), Category::parse));
      if (fields.containsKey("excluded")) {
        terms.exclude(slugs(fields.get("excluded"), Category::parse));
      }
      terms.activities(slugs(required(node, fields, "activities"), Activity::parse));
      if (fields.containsKey("conditions")) {
        for (Yaml conditionNode : fields.get("conditions").sequence()) {
          Map<String, Yaml> condition = conditionNode.requireOnly(Set.of("category", "onlyIn", "assumed", "sources", "note"));
          Category category = slug(required(conditionNode, condition, "category"), Category::parse);
          terms.onlyIn(category, slugs(required(conditionNode, condition, "onlyIn"), Activity::parse), flag(condition, "assumed"));
          sourceIds(condition.get("sources"));
        }
      }
      if (fields.containsKey("areaRestrictions")) {
        for (Yaml restrictionNode : fields.get("areaRestrictions").sequence()) {
          terms.areaRestriction(areaRestriction(restrictionNode, members));
        }
      }
      terms.reimbursementModes(slugs(required(node, fields, "reimbursement"), ReimbursementMode::parse));
      Yaml periodNode = required(node, fields, "settlementPeriod");
      java.time.Period period;
      try {
        period = java.time.Period.parse(periodNode.text());
      } catch (java.time.format.DateTimeParseException e) {
        throw periodNode.error("malformed settlement period '" + periodNode.text() + "' (an ISO 8601 period such as P90D or P1Y)");
      }
      if (period.isNegative() || period.isZero()) {
        throw periodNode.error("the settlement period must be positive, found " + periodNode.text());
      }
      terms.settlementPeriod(period, flag(fields, "settlementAssumed"));
      terms.assumed(flag(fields, "assumed")).sources(sourceIds(fields.get("sources"))).note(optionalText(fields, "note"));
      try {
        return terms.build();
      } catch (IllegalArgumentException e) {
        throw node.error(e.getMessage());
      }
    }

    private AreaRestriction areaRestriction(Yaml node, List<PartyCode> members) {
      Map<String, Yaml> fields = node.requireOnly(Set.of("supplier", "supporting", "rule", "zones", "from", "assumed", "sources", "note"));
      Yaml supplierNode = required(node, fields, "supplier");
      PartyCode supplier = knownParty(supplierNode);
      if (!members.contains(supplier)) {
        throw supplierNode.error(supplier + " is not a party to this agreement");
      }
      PartyCode supporting = null;
      if (fields.containsKey("supporting")) {
        supporting = knownParty(fields.get("supporting"));
        if (!members.contains(supporting)) {
          throw fields.get("supporting").error(supporting + " is not a party to this agreement");
        }
      }
      AreaRestriction.Rule rule = enumValue(required(node, fields, "rule"), AreaRestriction.Rule.class);
      List<String> zones = new ArrayList<>();
      for (Yaml zone : required(node, fields, "zones").sequence()) {
        if (!zone.text().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
          throw zone.error("a zone name is a lower-case slug such as korean-peninsula, found '" + zone.text() + "'");
        }
        zones.add(zone.text());
      }
      if (zones.isEmpty()) {
        throw fields.get("zones").error("an area restriction names at least one zone");
      }
      // a restriction read from a partial date starts at the earliest instant: the conservative end for a limit
      Instant from = fields.containsKey("from") && !fields.get("from").isNull() ? date(fields.get("from")).earliest() : null;
      return new AreaRestriction(supplier, supporting, rule, zones, from, flag(fields, "assumed"), sourceIds(fields.get("sources")),
          optionalText(fields, "note"));
    }

    private static <T extends Enum<T>> Set<T> slugs(Yaml node, java.util.function.Function<String, T> parse) {
      Set<T> values = new LinkedHashSet<>();
      for (Yaml item : node.sequence()) {
        T value = slug(item, parse);
        if (!values.add(value)) {
          throw item.error("'" + item.text() + "' is listed twice");
        }
      }
      return values;
    }

    private static <T> T slug(Yaml node, java.util.function.Function<String, T> parse) {
      try {
        return parse.apply(node.text());
      } catch (InvalidInputException e) {
        throw node.error(e.getMessage());
      }
    }

    private Channel channel(Yaml node, List<PartyCode> members) {
      Map<String, Yaml> fields = node.requireOnly(Set.of("hub", "paths"));
      Yaml hubNode = required(node, fields, "hub");
      PartyCode hub = knownParty(hubNode);
      if (!members.contains(hub)) {
        throw hubNode.error("the hub " + hub + " is not a party to this arrangement");
      }
      List<List<PartyCode>> paths = new ArrayList<>();
      for (Yaml pathNode : required(node, fields, "paths").sequence()) {
        List<PartyCode> path = new ArrayList<>();
        for (Yaml partyNode : pathNode.sequence()) {
          PartyCode party = knownParty(partyNode);
          if (!members.contains(party)) {
            throw partyNode.error(party + " is not a party to this arrangement");
          }
          path.add(party);
        }
        if (path.size() < 3 || !path.subList(1, path.size() - 1).contains(hub)) {
          throw pathNode.error("a path runs from a sender through the hub " + hub + " to a recipient");
        }
        paths.add(path);
      }
      return new Channel(hub, paths);
    }

    private PartyCode knownParty(Yaml node) {
      PartyCode code = partyCode(node);
      if (!parties.containsKey(code)) {
        throw node.error("unknown party " + code + " (define it under 'parties')");
      }
      return code;
    }

    private static PartyCode partyCode(Yaml node) {
      String text = node.text();
      try {
        return PartyCode.of(text);
      } catch (InvalidInputException e) {
        throw node.error("'" + text + "' is not a party code (three or four capital letters)");
      }
    }

    private static DateSpec date(Yaml node) {
      String text = node.text();
      try {
        return DateSpec.parse(text);
      } catch (InvalidInputException e) {
        throw node.error("malformed date '" + text + "' (YYYY, YYYY-MM, YYYY-MM-DD or an instant with offset)");
      }
    }

    private List<String> sourceIds(Yaml node) {
      if (node == null) {
        return List.of();
      }
      List<String> ids = new ArrayList<>();
      for (Yaml idNode : node.sequence()) {
        String id = idNode.text();
        if (!builder.hasSource(id)) {
          throw idNode.error("unknown source id '" + id + "'");
        }
        ids.add(id);
      }
      return ids;
    }

    private static <E extends Enum<E>> E enumValue(Yaml node, Class<E> type) {
      String text = node.text();
      try {
        return Enum.valueOf(type, text);
      } catch (IllegalArgumentException e) {
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
          allowed.add(constant.name());
        }
        throw node.error("unknown value '" + text + "' (expected one of " + String.join(", ", allowed) + ")");
      }
    }

    private static boolean flag(Map<String, Yaml> fields, String key) {
      return fields.containsKey(key) && fields.get(key).bool();
    }

    private static String text(Map<String, Yaml> fields, String key) {
      return fields.containsKey(key) && !fields.get(key).isNull() ? fields.get(key).text() : "";
    }

    private static String optionalText(Map<String, Yaml> fields, String key) {
      return fields.containsKey(key) && !fields.get(key).isNull() ? fields.get(key).text() : null;
    }
  }
}
