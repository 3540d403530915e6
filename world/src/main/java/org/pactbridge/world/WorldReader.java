package org.pactbridge.world;

import static org.pactbridge.world.Fields.date;
import static org.pactbridge.world.Fields.enumValue;
import static org.pactbridge.world.Fields.flag;
import static org.pactbridge.world.Fields.optionalText;
import static org.pactbridge.world.Fields.partyCode;
import static org.pactbridge.world.Fields.required;
import static org.pactbridge.world.Fields.text;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.EventType;
import org.pactbridge.core.agreement.GeneralTerms;
import org.pactbridge.core.agreement.ProvisionVersion;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.agreement.Scope;
import org.pactbridge.core.agreement.ThirdPartyRule;
import org.pactbridge.core.agreement.Timeline;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.party.ClassificationScheme;
import org.pactbridge.core.party.Community;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Exercise;
import org.pactbridge.core.registry.ExerciseEdition;
import org.pactbridge.core.registry.PartnerCount;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.registry.Source;
import org.pactbridge.core.time.DateSpec;

/**
 * Turns the sections of a world's files into core objects, in dependency order (sources, parties,
 * communities, agreements, known partners), and builds the registry once every section is read. The
 * part of a provisions version that only one kind of agreement has is read by that kind's
 * {@link ProvisionsSection}. Not thread-safe: one per load.
 */
final class WorldReader {
  /** The fields of a provisions version: the general terms', and each kind's section. */
  private static final Set<String> VERSION_FIELDS = versionFields();

  private final ReadContext context = new ReadContext();

  Registry build() {
    return context.builder.build();
  }


  void sources(Yaml section) {
    for (Map.Entry<String, Yaml> entry : section.mapping().entrySet()) {
      Map<String, Yaml> fields = entry.getValue().requireOnly(Set.of("url", "publisher", "type", "lang"));
      String id = entry.getKey();
      if (context.builder.hasSource(id)) {
        throw entry.getValue().error("source " + id + " is defined twice");
      }
      context.builder.source(new Source(id, text(fields, "url"), text(fields, "publisher"), text(fields, "type"), text(fields, "lang")));
    }
  }

  void parties(Yaml section) {
    for (Yaml entry : section.sequence()) {
      Map<String, Yaml> fields = entry.requireOnly(Set.of("code", "name", "kind", "schemes", "assumed", "sources", "note"));
      Yaml codeNode = required(entry, fields, "code");
      PartyCode code = partyCode(codeNode);
      if (context.parties.containsKey(code)) {
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
          code, required(entry, fields, "name").text(), kind, schemes, flag(fields, "assumed"), context.sourceIds(fields.get("sources")));
      context.parties.put(code, party);
      context.builder.party(party);
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
    context.sourceIds(fields.get("sources"));
    return new ClassificationScheme(party, from, required(node, fields, "name").text(), levels);
  }

  void communities(Yaml section) {
    for (Yaml entry : section.sequence()) {
      Map<String, Yaml> fields = entry.requireOnly(Set.of("name", "members", "membersKnown", "assumed", "sources", "note"));
      String name = required(entry, fields, "name").text();
      Set<PartyCode> members = new LinkedHashSet<>();
      if (fields.containsKey("members")) {
        for (Yaml member : fields.get("members").sequence()) {
          members.add(partyCode(member));
        }
      }
      if (context.builder.hasCommunity(name)) {
        throw entry.error("community " + name + " is defined twice");
      }
      context.builder.community(new Community(name, members, !fields.containsKey("membersKnown") || fields.get("membersKnown").bool(),
          context.sourceIds(fields.get("sources")), flag(fields, "assumed")));
    }
  }

  void knownPartners(Yaml section) {
    for (Yaml entry : section.sequence()) {
      Map<String, Yaml> fields = entry.requireOnly(Set.of("party", "instrument", "status", "sources", "note"));
      partyCode(required(entry, fields, "party"));
      context.sourceIds(fields.get("sources"));
      String status = optionalText(fields, "status");
      context.builder.knownPartner(fields.get("party").text() + ": " + required(entry, fields, "instrument").text()
          + (status == null ? "" : " (" + status + ")"));
    }
  }

  /** The record's counts of a party's partners: {@code {party, asOf, count, basis, sources, confidence, note}}. */
  void counts(Yaml section) {
    for (Yaml entry : section.sequence()) {
      Map<String, Yaml> fields = entry.requireOnly(Set.of("party", "asOf", "count", "basis", "sources", "confidence", "note"));
      PartyCode party = context.knownParty(required(entry, fields, "party"));
      DateSpec asOf = date(required(entry, fields, "asOf"));
      List<String> sources = context.sourceIds(fields.get("sources"));
      if (sources.isEmpty()) {
        throw entry.error("a count is a fact of the record: it needs its sources");
      }
      context.builder.partnerCount(new PartnerCount(party, asOf.earliest(), asOf.precision(), required(entry, fields, "count").text(),
          optionalText(fields, "basis"), sources, optionalText(fields, "confidence"), optionalText(fields, "note")));
    }
  }

  /**
   * Exercise series: {@code {id, title, parties, editions, sources, note}}, each edition {@code {edition,
   * at, until, location, assumed, confidence, sources, note}}. An edition runs from the start of
   * {@code at} to the end of {@code until} (or of {@code at}); a partial date spans its period and is
   * assumed.
   */
  void exercises(Yaml section) {
    for (Yaml entry : section.sequence()) {
      Map<String, Yaml> fields = entry.requireOnly(Set.of("id", "title", "parties", "editions", "sources", "note"));
      String id = required(entry, fields, "id").text();
      if (!id.matches("[A-Z0-9][A-Z0-9-]*")) {
        throw fields.get("id").error("an exercise id is capital letters, digits and '-', found '" + id + "'");
      }
      if (context.builder.hasExercise(id)) {
        throw entry.error("exercise " + id + " is defined twice");
      }
      List<PartyCode> parties = new ArrayList<>();
      for (Yaml partyNode : required(entry, fields, "parties").sequence()) {
        parties.add(context.knownParty(partyNode));
      }
      List<ExerciseEdition> editions = new ArrayList<>();
      Set<Integer> numbers = new LinkedHashSet<>();
      for (Yaml editionNode : required(entry, fields, "editions").sequence()) {
        Map<String, Yaml> edition = editionNode.requireOnly(Set.of("edition", "at", "until", "location", "assumed", "confidence", "sources", "note"));
        Integer number = edition.containsKey("edition") ? edition.get("edition").integer() : null;
        if (number != null && !numbers.add(number)) {
          throw edition.get("edition").error("edition " + number + " of " + id + " is listed twice");
        }
        DateSpec at = date(required(editionNode, edition, "at"));
        DateSpec until = edition.containsKey("until") ? date(edition.get("until")) : at;
        Instant end = until.latest().plus(Duration.ofDays(1));
        if (!end.isAfter(at.earliest())) {
          throw edition.get("until").error("an edition cannot end before it begins");
        }
        List<String> sources = context.sourceIds(edition.get("sources"));
        if (sources.isEmpty()) {
          throw editionNode.error("an edition is a fact of the record: it needs its sources");
        }
        editions.add(new ExerciseEdition(number, at.earliest(), end, at.precision(), optionalText(edition, "location"),
            at.assumed() || flag(edition, "assumed"), optionalText(edition, "confidence"), sources, optionalText(edition, "note")));
      }
      context.builder.exercise(new Exercise(id, optionalText(fields, "title"), parties, editions, context.sourceIds(fields.get("sources")),
          optionalText(fields, "note")));
    }
  }

  void agreements(Yaml section) {
    for (Yaml entry : section.sequence()) {
      Agreement agreement = agreement(entry);
      if (context.builder.hasAgreement(agreement.id())) {
        throw entry.error("agreement " + agreement.id() + " is defined twice");
      }
      context.builder.agreement(agreement);
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
      PartyCode code = context.knownParty(partyNode);
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
      versions.add(new ProvisionVersion(null, "", Provisions.none(kind)));
    }
    return new Agreement(id, kind, optionalText(fields, "title"), members, new Timeline(events), versions,
        context.sourceIds(fields.get("sources")), optionalText(fields, "note"));
  }

  /**
   * Design rule: no sourced entry into force → in force on the signing date, assumed (so every decision
   * relying on it says ASSUMED_PROVISION). Not where the timeline says that the status becomes unknown:
   * the record then says the agreement was not in force when last seen, and nothing is inferred.
   */
  private static void inferEntryIntoForce(List<TimelineEvent> events) {
    boolean hasInForce = events.stream().anyMatch(event -> event.type() == EventType.IN_FORCE || event.type() == EventType.STATUS_UNKNOWN);
    if (hasInForce) {
      return;
    }
    for (TimelineEvent event : events) {
      if (event.type() == EventType.SIGNED) {
        events.add(events.indexOf(event) + 1, new TimelineEvent(EventType.IN_FORCE, event.at(), null, true, event.sources(),
            "entry into force not sourced: taken as the signing date", event.precision()));
        return;
      }
    }
  }

  /**
   * One timeline event. A partial {@code at} is read at its conservative end (the start of the period for
   * an event that ends something, its last day for one that starts something) unless {@code day} gives
   * the day the record's notes infer; either way the event is assumed and keeps the precision of
   * {@code at}. A STATUS_UNKNOWN event's {@code at} is the last day the status is known: the status is
   * unknown from the end of that day (or period).
   */
  private TimelineEvent event(Yaml node) {
    Map<String, Yaml> fields = node.requireOnly(Set.of("type", "at", "day", "takesEffect", "assumed", "sources", "note"));
    EventType type = enumValue(required(node, fields, "type"), EventType.class);
    DateSpec at = date(required(node, fields, "at"));
    boolean ends = switch (type) {
      case TERMINATION_NOTICE, SUSPENDED, TERMINATED, EXPIRED -> true;
      default -> false;
    };
    Instant instant = ends ? at.earliest() : at.latest();
    boolean inferredDay = false;
    if (fields.containsKey("day")) {
      Yaml dayNode = fields.get("day");
      DateSpec day = date(dayNode);
      if (!at.assumed() || day.precision() != DateSpec.Precision.DAY) {
        throw dayNode.error("'day' infers the day of a date known only to the month or year: 'at' must be partial and 'day' a day");
      }
      if (day.earliest().isBefore(at.earliest()) || day.earliest().isAfter(at.latest())) {
        throw dayNode.error("the day " + day.text() + " is not within " + at.text());
      }
      instant = day.earliest();
      inferredDay = true;
    }
    if (type == EventType.STATUS_UNKNOWN && at.precision() != DateSpec.Precision.INSTANT) {
      instant = instant.plus(Duration.ofDays(1));
    }
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
    boolean assumed = at.assumed() || inferredDay || flag(fields, "assumed");
    return new TimelineEvent(type, instant, takesEffect, assumed, context.sourceIds(fields.get("sources")), optionalText(fields, "note"),
        at.precision());
  }

  private static Set<String> versionFields() {
    Set<String> fields = new java.util.HashSet<>(Set.of("from", "label", "scope", "thirdParty", "assumed", "sources", "note"));
    ProvisionsSection.all().forEach(section -> fields.add(section.field()));
    return Set.copyOf(fields);
  }

  private ProvisionVersion provisionVersion(Yaml node, List<PartyCode> members, AgreementKind kind) {
    Map<String, Yaml> fields = node.requireOnly(VERSION_FIELDS);
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
    // a kind's own section is read where another kind's section would be refused, in the order the
    // sections are listed, so that an error names the first field that is wrong
    ProvisionsSection own = ProvisionsSection.of(kind);
    for (ProvisionsSection section : ProvisionsSection.all()) {
      if (section != own && fields.containsKey(section.field())) {
        throw fields.get(section.field()).error(section.misplaced());
      }
    }
    GeneralTerms general = new GeneralTerms(scope, rule, flag(fields, "assumed"), context.sourceIds(fields.get("sources")),
        optionalText(fields, "note"));
    Provisions provisions = own.read(general, fields.get(own.field()), members, context);
    return new ProvisionVersion(from, optionalText(fields, "label"), provisions);
  }
}
