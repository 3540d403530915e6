package org.pactbridge.store;

import org.pactbridge.core.registry.RegistryText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.party.ClassificationScheme;
import org.pactbridge.core.party.Community;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.registry.Source;
import org.pactbridge.core.time.DateSpec.Precision;

/**
 * The registry in tables: sources, parties with their scheme versions and levels, communities,
 * agreements with their timeline events and provision versions, and known partners.
 *
 * <p>Import is one transaction, audited entry by entry. What is new is added; what is already stored
 * must be unchanged, except that an agreement's timeline and provisions may grow: a change to an
 * agreement is a new event row, never an edit. An import that would edit or remove something stored is
 * refused whole with a {@link StoreException} naming it.
 *
 * <p>Over 400 lines: import, comparison and loading walk the same tables in the same order, and keeping
 * them together keeps the column lists in step (the kinds' own columns are in {@link KindColumns}).
 */
public final class JdbcRegistryStore {
  private final Db db;
  private final JdbcAuditLog audit;

  JdbcRegistryStore(Db db, JdbcAuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  /** Told of progress during an import: {@code done} of {@code total} agreements. */
  public interface Progress {
    void agreements(int done, int total);

    Progress NONE = (done, total) -> {};
  }

  /** What an import added. */
  public record ImportReport(int sources, int parties, int communities, int agreements, int events, int versions, int knownPartners,
      int unchanged) {
    public int added() {
      return sources + parties + communities + agreements + events + versions + knownPartners;
    }
  }

  /** Imports {@code registry} at {@code now}, audited as done by {@code actor}. */
  public ImportReport importRegistry(Registry registry, AuditActor actor, Instant now, Progress progress) {
    return db.tx("importing the registry", connection -> {
      Registry stored = loadIn(connection).orElse(null);
      List<AuditEvent> events = new ArrayList<>();
      int[] counts = new int[8];
      int sourcePos = count(connection, "source_ref");
      for (Source source : registry.sources().values()) {
        Source existing = stored == null ? null : stored.sources().get(source.id());
        if (existing == null) {
          insertSource(connection, source, sourcePos++);
          counts[0]++;
        } else if (!RegistryText.source(existing).equals(RegistryText.source(source))) {
          throw StoreException.conflict("source " + source.id(), "it differs from the stored one, and stored facts are never edited");
        } else {
          counts[7]++;
        }
      }
      for (Party party : registry.parties()) {
        Optional<Party> existing = stored == null ? Optional.empty() : stored.findParty(party.code());
        if (existing.isEmpty()) {
          insertParty(connection, party, now);
          events.add(AuditEvent.of(now, "PARTY_ADDED", actor, party.code().value(), "schemes", String.valueOf(party.schemes().size())));
          counts[1]++;
        } else if (!RegistryText.party(existing.get()).equals(RegistryText.party(party))) {
          throw StoreException.conflict("party " + party.code(), "it differs from the stored one, and a party is never edited in place");
        } else {
          counts[7]++;
        }
      }
      int communityPos = count(connection, "community");
      for (Community community : new TreeMap<>(registry.communities()).values()) {
        Community existing = stored == null ? null : stored.communities().get(community.name());
        if (existing == null) {
          insertCommunity(connection, community, communityPos++);
          events.add(AuditEvent.of(now, "COMMUNITY_ADDED", actor, community.name(), "members", String.valueOf(community.members().size())));
          counts[2]++;
        } else if (!RegistryText.community(existing).equals(RegistryText.community(community))) {
          throw StoreException.conflict("community " + community.name(), "it differs from the stored one, and a community is never edited in place");
        } else {
          counts[7]++;
        }
      }
      int agreementPos = count(connection, "agreement");
      int done = 0;
      int total = registry.agreements().size();
      for (Agreement agreement : registry.agreements()) {
        Optional<Agreement> existing = stored == null ? Optional.empty() : stored.findAgreement(agreement.id());
        if (existing.isEmpty()) {
          insertAgreement(connection, agreement, agreementPos++, now);
          List<TimelineEvent> timeline = agreement.timeline().events();
          for (int i = 0; i < timeline.size(); i++) {
            insertEvent(connection, agreement.id(), i, timeline.get(i), now);
          }
          for (int i = 0; i < agreement.versions().size(); i++) {
            insertVersion(connection, agreement, i, agreement.versions().get(i), now);
          }
          events.add(AuditEvent.of(now, "AGREEMENT_ADDED", actor, agreement.id().value(), "agreement-kind", agreement.kind().name(),
              "parties", String.join(",", agreement.parties().stream().map(PartyCode::value).toList()),
              "events", String.valueOf(timeline.size()), "versions", String.valueOf(agreement.versions().size())));
          counts[3]++;
        } else {
          int[] grown = extendAgreement(connection, existing.get(), agreement, actor, now, events);
          counts[4] += grown[0];
          counts[5] += grown[1];
          if (grown[0] + grown[1] == 0) {
            counts[7]++;
          }
        }
        progress.agreements(++done, total);
      }
      List<String> known = stored == null ? List.of() : stored.knownPartnersWithoutDates();
      int knownPos = known.size();
      for (String partner : registry.knownPartnersWithoutDates()) {
        if (!known.contains(partner)) {
          try (PreparedStatement insert = connection.prepareStatement("INSERT INTO known_partner (pos, description) VALUES (?, ?)")) {
            insert.setInt(1, knownPos++);
            insert.setString(2, partner);
            insert.executeUpdate();
          }
          counts[6]++;
        }
      }
      ImportReport report = new ImportReport(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7]);
      events.add(AuditEvent.of(now, "REGISTRY_IMPORTED", actor, "registry", "added", String.valueOf(report.added()),
          "unchanged", String.valueOf(report.unchanged())));
      audit.appendIn(connection, events);
      return report;
    });
  }

  /** Appends new events and provision versions; refuses any edit or removal. Returns {events, versions} added. */
  private int[] extendAgreement(Connection connection, Agreement stored, Agreement imported, AuditActor actor, Instant now, List<AuditEvent> audits)
      throws SQLException {
    if (!RegistryText.agreementHeader(stored).equals(RegistryText.agreementHeader(imported))) {
      throw StoreException.conflict("agreement " + imported.id(), "its kind, title, parties, sources or note differ from the stored ones;"
          + " an agreement changes only by new timeline events");
    }
    List<String> incomingEvents = new ArrayList<>(imported.timeline().events().stream().map(RegistryText::event).toList());
    for (TimelineEvent event : stored.timeline().events()) {
      if (!incomingEvents.remove(RegistryText.event(event))) {
        throw StoreException.conflict("agreement " + imported.id(), "the stored event " + event.type() + " at " + event.at()
            + " is missing from the import; events are never removed or edited, add a new one instead");
      }
    }
    List<String> incomingVersions = new ArrayList<>(imported.versions().stream().map(RegistryText::version).toList());
    for (ProvisionVersion version : stored.versions()) {
      if (!incomingVersions.remove(RegistryText.version(version))) {
        throw StoreException.conflict("agreement " + imported.id(), "the stored provisions from " + version.from()
            + " are missing from the import or differ; provisions change only by a new version");
      }
    }
    int eventNo = maxNo(connection, "timeline_event", "event_no", imported.id()) + 1;
    int added = 0;
    for (TimelineEvent event : imported.timeline().events()) {
      if (incomingEvents.remove(RegistryText.event(event))) {
        insertEvent(connection, imported.id(), eventNo++, event, now);
        audits.add(AuditEvent.of(now, "TIMELINE_EVENT_ADDED", actor, imported.id().value(), "type", event.type().name(),
            "event-at", event.at().toString(), "takes-effect", event.takesEffect() == null ? "" : event.takesEffect().toString()));
        added++;
      }
    }
    int versionNo = maxNo(connection, "provision_version", "version_no", imported.id()) + 1;
    int versions = 0;
    for (ProvisionVersion version : imported.versions()) {
      if (incomingVersions.remove(RegistryText.version(version))) {
        insertVersion(connection, imported, versionNo++, version, now);
        audits.add(AuditEvent.of(now, "PROVISIONS_ADDED", actor, imported.id().value(), "from", String.valueOf(version.from()),
            "label", version.label()));
        versions++;
      }
    }
    return new int[] {added, versions};
  }

  private static int count(Connection connection, String table) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM " + table); ResultSet row = select.executeQuery()) {
      row.next();
      return row.getInt(1);
    }
  }

  private static int maxNo(Connection connection, String table, String column, AgreementId id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT MAX(" + column + ") FROM " + table + " WHERE agreement_id = ?")) {
      select.setString(1, id.value());
      try (ResultSet row = select.executeQuery()) {
        row.next();
        int max = row.getInt(1);
        return row.wasNull() ? -1 : max;
      }
    }
  }

  private static void insertSource(Connection connection, Source source, int pos) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO source_ref (id, pos, url, publisher, source_type, lang) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, source.id());
      insert.setInt(2, pos);
      insert.setString(3, nullToEmpty(source.url()));
      insert.setString(4, nullToEmpty(source.publisher()));
      insert.setString(5, nullToEmpty(source.type()));
      insert.setString(6, nullToEmpty(source.lang()));
      insert.executeUpdate();
    }
  }

  private static void insertParty(Connection connection, Party party, Instant now) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO party (code, name, kind, scheme_assumed, sources, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, party.code().value());
      insert.setString(2, party.name());
      insert.setString(3, party.kind().name());
      insert.setBoolean(4, party.schemeAssumed());
      insert.setString(5, Db.join(party.sources()));
      Db.setInstant(insert, 6, now);
      insert.executeUpdate();
    }
    try (PreparedStatement scheme = connection.prepareStatement("INSERT INTO scheme (party, version_no, valid_from, name) VALUES (?, ?, ?, ?)");
        PreparedStatement level = connection.prepareStatement("INSERT INTO scheme_level (party, version_no, pos, code, rank_no, native_name,"
            + " english_name, aliases) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int version = 0; version < party.schemes().size(); version++) {
        ClassificationScheme current = party.schemes().get(version);
        scheme.setString(1, party.code().value());
        scheme.setInt(2, version);
        Db.setInstant(scheme, 3, current.validFrom());
        scheme.setString(4, current.name());
        scheme.executeUpdate();
        for (int pos = 0; pos < current.levels().size(); pos++) {
          Level each = current.levels().get(pos);
          level.setString(1, party.code().value());
          level.setInt(2, version);
          level.setInt(3, pos);
          level.setString(4, each.code());
          level.setInt(5, each.rank());
          level.setString(6, each.nativeName());
          level.setString(7, each.englishName());
          level.setString(8, Db.join(each.aliases()));
          level.addBatch();
        }
        level.executeBatch();
      }
    }
  }

  private static void insertCommunity(Connection connection, Community community, int pos) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO community (name, pos, members, members_known, sources) VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, community.name());
      insert.setInt(2, pos);
      insert.setString(3, Db.join(community.members().stream().map(PartyCode::value).sorted().toList()));
      insert.setBoolean(4, community.membersKnown());
      insert.setString(5, Db.join(community.sources()));
      insert.executeUpdate();
    }
  }

  private static void insertAgreement(Connection connection, Agreement agreement, int pos, Instant now) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO agreement (id, pos, kind, title, parties, sources, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, agreement.id().value());
      insert.setInt(2, pos);
      insert.setString(3, agreement.kind().name());
      insert.setString(4, agreement.title());
      insert.setString(5, Db.join(agreement.parties().stream().map(PartyCode::value).toList()));
      insert.setString(6, Db.join(agreement.sources()));
      insert.setString(7, agreement.note());
      Db.setInstant(insert, 8, now);
      insert.executeUpdate();
    }
  }

  // A date known only to the month or year keeps its precision in the note column, as a trailer that
  // loading strips: timeline_event has no precision column, and adding one is a migration this change
  // does not own. A later migration should move it into a column of its own.
  private static final String PRECISION_TRAILER = "\n@precision=";

  private static String noteWithPrecision(TimelineEvent event) {
    boolean partial = event.precision() == Precision.MONTH || event.precision() == Precision.YEAR;
    return partial ? event.note() + PRECISION_TRAILER + event.precision().name() : event.note();
  }

  /** The precision a stored note's trailer gives, or null (the day, or the instant, as the event's instant shows). */
  private static Precision precisionOf(String note) {
    for (Precision precision : new Precision[] {Precision.MONTH, Precision.YEAR}) {
      if (note.endsWith(PRECISION_TRAILER + precision.name())) {
        return precision;
      }
    }
    return null;
  }

  private static void insertEvent(Connection connection, AgreementId id, int eventNo, TimelineEvent event, Instant now) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO timeline_event (agreement_id, event_no, event_type, at_instant,"
        + " takes_effect, assumed, sources, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, id.value());
      insert.setInt(2, eventNo);
      insert.setString(3, event.type().name());
      Db.setInstant(insert, 4, event.at());
      Db.setInstant(insert, 5, event.takesEffect());
      insert.setBoolean(6, event.assumed());
      insert.setString(7, Db.join(event.sources()));
      insert.setString(8, noteWithPrecision(event));
      Db.setInstant(insert, 9, now);
      insert.executeUpdate();
    }
  }

  // the parameters of the provision_version insert below that a kind's columns set (see KindColumns)
  static final int HUB = 8;
  static final int HAS_EQUIVALENCE = 13;
  static final int LOGISTICS = 18;

  private static void insertVersion(Connection connection, Agreement agreement, int versionNo, ProvisionVersion version, Instant now)
      throws SQLException {
    Provisions provisions = version.provisions();
    KindColumns own = KindColumns.of(agreement.kind());
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO provision_version (agreement_id, version_no, from_instant, label,"
        + " scope_all, scope_topics, third_party_rule, hub, paths, assumed, sources, note, has_equivalence, eq_assumed, eq_sources, eq_note,"
        + " recorded_at, logistics) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, agreement.id().value());
      insert.setInt(2, versionNo);
      Db.setInstant(insert, 3, version.from());
      insert.setString(4, version.label());
      insert.setBoolean(5, provisions.scope().isUnrestricted());
      insert.setString(6, Db.join(provisions.scope().topics().stream().map(Topic::slug).toList()));
      insert.setString(7, provisions.thirdPartyRule().name());
      insert.setBoolean(10, provisions.assumed());
      insert.setString(11, Db.join(provisions.sources()));
      insert.setString(12, provisions.note());
      Db.setInstant(insert, 17, now);
      for (KindColumns columns : KindColumns.all()) {
        if (columns == own) {
          columns.bind(insert, provisions);
        } else {
          columns.bindEmpty(insert);
        }
      }
      insert.executeUpdate();
    }
    own.insertDetails(connection, agreement.id(), versionNo, provisions);
  }

  /** Rebuilds the registry from the tables; empty when nothing was imported. */
  public Optional<Registry> load() {
    return db.tx("loading the registry", JdbcRegistryStore::loadIn);
  }

  /** The stored registry, or an exception saying none was imported. */
  public Registry require() {
    return load().orElseThrow(() -> StoreException.notFound("registry", "(nothing imported: run 'pactbridge import DIR')"));
  }

  static Optional<Registry> loadIn(Connection connection) throws SQLException {
    if (count(connection, "party") == 0) {
      return Optional.empty();
    }
    Registry.Builder builder = Registry.builder();
    try (PreparedStatement select = connection.prepareStatement("SELECT id, url, publisher, source_type, lang FROM source_ref ORDER BY pos");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        builder.source(new Source(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)));
      }
    }
    Map<PartyCode, Map<Integer, List<Level>>> levels = new LinkedHashMap<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT party, version_no, code, rank_no, native_name, english_name, aliases FROM scheme_level ORDER BY party, version_no, pos");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        PartyCode party = PartyCode.of(row.getString(1));
        levels.computeIfAbsent(party, key -> new TreeMap<>()).computeIfAbsent(row.getInt(2), key -> new ArrayList<>())
            .add(new Level(party, row.getString(3), row.getInt(4), row.getString(5), row.getString(6), Db.split(row.getString(7))));
      }
    }
    Map<PartyCode, List<ClassificationScheme>> schemes = new LinkedHashMap<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT party, version_no, valid_from, name FROM scheme ORDER BY party, version_no");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        PartyCode party = PartyCode.of(row.getString(1));
        List<Level> schemeLevels = levels.getOrDefault(party, Map.of()).getOrDefault(row.getInt(2), List.of());
        schemes.computeIfAbsent(party, key -> new ArrayList<>())
            .add(new ClassificationScheme(party, Db.getInstant(row, "valid_from"), row.getString(4), schemeLevels));
      }
    }
    Map<PartyCode, Party> parties = new LinkedHashMap<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT code, name, kind, scheme_assumed, sources FROM party ORDER BY code");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        PartyCode code = PartyCode.of(row.getString(1));
        Party party = new Party(code, row.getString(2), Party.Kind.valueOf(row.getString(3)), schemes.getOrDefault(code, List.of()),
            row.getBoolean(4), Db.split(row.getString(5)));
        parties.put(code, party);
        builder.party(party);
      }
    }
    try (PreparedStatement select = connection.prepareStatement("SELECT name, members, members_known, sources FROM community ORDER BY pos");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        Set<PartyCode> members = new LinkedHashSet<>();
        for (String member : Db.split(row.getString(2))) {
          members.add(PartyCode.of(member));
        }
        builder.community(new Community(row.getString(1), members, row.getBoolean(3), Db.split(row.getString(4))));
      }
    }
    Map<String, List<TimelineEvent>> events = new LinkedHashMap<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT agreement_id, event_type, at_instant, takes_effect, assumed, sources, note"
        + " FROM timeline_event ORDER BY agreement_id, event_no");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        String note = row.getString(7);
        Precision precision = precisionOf(note);
        events.computeIfAbsent(row.getString(1), key -> new ArrayList<>()).add(new TimelineEvent(EventType.valueOf(row.getString(2)),
            Db.getInstant(row, "at_instant"), Db.getInstant(row, "takes_effect"), row.getBoolean(5), Db.split(row.getString(6)),
            precision == null ? note : note.substring(0, note.length() - PRECISION_TRAILER.length() - precision.name().length()), precision));
      }
    }
    Map<String, Map<Integer, List<Map<PartyCode, List<Level>>>>> rows = new LinkedHashMap<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT agreement_id, version_no, row_no, party, level_code FROM equivalence_level"
        + " ORDER BY agreement_id, version_no, row_no, party, pos");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        List<Map<PartyCode, List<Level>>> table = rows.computeIfAbsent(row.getString(1), key -> new TreeMap<>())
            .computeIfAbsent(row.getInt(2), key -> new ArrayList<>());
        int rowNo = row.getInt(3);
        while (table.size() <= rowNo) {
          table.add(new LinkedHashMap<>());
        }
        PartyCode party = PartyCode.of(row.getString(4));
        Level level = parties.get(party).allLevelsByCode().get(row.getString(5));
        if (level == null) {
          throw new IllegalStateException("stored equivalence names unknown level " + party + ":" + row.getString(5));
        }
        table.get(rowNo).computeIfAbsent(party, key -> new ArrayList<>()).add(level);
      }
    }
    Map<String, List<ProvisionVersion>> versions = new LinkedHashMap<>();
    KindColumns.StoredRows storedRows = new KindColumns.StoredRows(rows);
    try (PreparedStatement select = connection.prepareStatement("SELECT v.agreement_id, v.version_no, v.from_instant, v.label, v.scope_all,"
        + " v.scope_topics, v.third_party_rule, v.hub, v.paths, v.assumed, v.sources, v.note, v.has_equivalence, v.eq_assumed, v.eq_sources,"
        + " v.eq_note, v.logistics, a.kind FROM provision_version v JOIN agreement a ON a.id = v.agreement_id ORDER BY v.agreement_id, v.version_no");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        String id = row.getString(1);
        Scope scope;
        if (row.getBoolean(5)) {
          scope = Scope.all();
        } else {
          Set<Topic> topics = new LinkedHashSet<>();
          for (String slug : Db.split(row.getString(6))) {
            topics.add(Topic.of(slug));
          }
          scope = Scope.of(topics);
        }
        GeneralTerms general = new GeneralTerms(scope, ThirdPartyRule.valueOf(row.getString(7)), row.getBoolean(10), Db.split(row.getString(11)),
            row.getString(12));
        AgreementKind kind = AgreementKind.valueOf(row.getString(18));
        KindColumns own = KindColumns.of(kind);
        for (KindColumns columns : KindColumns.all()) {
          if (columns != own && columns.holds(row)) {
            throw StoreException.provisionsOfAnotherKind(id, row.getInt(2), kind.name(), columns.part());
          }
        }
        Provisions provisions = own.read(general, row, storedRows);
        versions.computeIfAbsent(id, key -> new ArrayList<>()).add(new ProvisionVersion(Db.getInstant(row, "from_instant"), row.getString(4), provisions));
      }
    }
    try (PreparedStatement select = connection.prepareStatement("SELECT id, kind, title, parties, sources, note FROM agreement ORDER BY pos");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        String id = row.getString(1);
        builder.agreement(new Agreement(AgreementId.of(id), AgreementKind.valueOf(row.getString(2)), row.getString(3),
            Db.split(row.getString(4)).stream().map(PartyCode::of).toList(), new Timeline(events.getOrDefault(id, List.of())),
            versions.getOrDefault(id, List.of()), Db.split(row.getString(5)), row.getString(6)));
      }
    }
    try (PreparedStatement select = connection.prepareStatement("SELECT description FROM known_partner ORDER BY pos");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        builder.knownPartner(row.getString(1));
      }
    }
    return Optional.of(builder.build());
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
