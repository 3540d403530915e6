package org.pactbridge.store;

import org.pactbridge.core.registry.RegistryText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.EventType;
import org.pactbridge.core.agreement.Timeline;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.audit.Checkpoint;
import org.pactbridge.core.audit.Verification;
import org.pactbridge.core.consent.ConsentAnswer;
import org.pactbridge.core.consent.ConsentCondition;
import org.pactbridge.core.consent.ConsentRequest;
import org.pactbridge.core.item.Holding;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.Release;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.world.WorldLoader;

/**
 * The store's contract, run against every database: H2 ({@link H2StoreTest}) and PostgreSQL
 * ({@link PostgresStoreTest}). Real databases, real keys, no mocks.
 */
abstract class StoreContract {
  static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  static final PartyCode KOR = PartyCode.of("KOR");
  static final PartyCode USA = PartyCode.of("USA");
  static final PartyCode JPN = PartyCode.of("JPN");
  /** The people the store's operations are audited as. */
  static final AuditActor KIM = AuditActor.user("u-kim", "kim", KOR);
  static final AuditActor SMITH = AuditActor.user("u-smith", "smith", USA);
  static final AuditActor OPERATOR = AuditActor.localOperator("test");

  @TempDir Path dir;
  StoreConfig config;
  Store store;

  abstract StoreConfig newConfig(Path dir);

  void dropDatabase(StoreConfig config) {}

  @BeforeEach
  void open() {
    config = newConfig(dir);
    store = Store.open(config);
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
    dropDatabase(config);
  }

  Registry reference() {
    return WorldLoader.reference();
  }

  Item addItem(String text) {
    Registry registry = reference();
    var draft = new JdbcItemRepository.Draft(List.of(KOR), registry.requireParty(KOR).findLevel("II", T0).orElseThrow(),
        Releasability.relTo(List.of("USA", "JPN")), false, Set.of(Topic.of("dprk-missile")), null, "//KOR II//REL TO USA, JPN");
    return store.items().register(draft, text.getBytes(StandardCharsets.UTF_8), T0, KIM);
  }

  void reopen() {
    store.close();
    store = Store.open(config);
  }

  // 1. The registry

  @Test
  void importedRegistryRebuildsEqual() {
    var report = store.registry().importRegistry(reference(), OPERATOR, T0, JdbcRegistryStore.Progress.NONE);
    assertThat(report.agreements()).isEqualTo(reference().agreements().size());
    reopen();
    Registry loaded = store.registry().require();
    assertThat(RegistryText.describe(loaded)).isEqualTo(RegistryText.describe(reference()));
    // dates known only to the month or year keep their precision (and their notes) through the store
    for (var agreement : reference().agreements()) {
      assertThat(loaded.requireAgreement(agreement.id()).timeline().events()).as(agreement.id().value())
          .isEqualTo(agreement.timeline().events());
    }
  }

  @Test
  void reimportingTheSameWorldAddsNothing() {
    store.registry().importRegistry(reference(), OPERATOR, T0, JdbcRegistryStore.Progress.NONE);
    long before = store.audit().head().seq();
    var report = store.registry().importRegistry(reference(), OPERATOR, T0, JdbcRegistryStore.Progress.NONE);
    assertThat(report.added()).isZero();
    assertThat(store.audit().head().seq()).isEqualTo(before + 1); // only REGISTRY_IMPORTED
    assertThat(store.audit().verify().ok()).isTrue();
  }

  @Test
  void aChangeIsANewTimelineEventRow() throws Exception {
    store.registry().importRegistry(reference(), OPERATOR, T0, JdbcRegistryStore.Progress.NONE);
    AgreementId id = AgreementId.of("ROK-JPN-GSOMIA-2016");
    Instant notice = Instant.parse("2030-01-01T00:00:00Z");
    Registry changed = reference().withEvents(
        java.util.Map.of(id, List.of(TimelineEvent.notice(notice, notice.plusSeconds(90L * 86400)))), List.of());
    var report = store.registry().importRegistry(changed, OPERATOR, T0, JdbcRegistryStore.Progress.NONE);
    assertThat(report.events()).isEqualTo(1);
    assertThat(RegistryText.describe(store.registry().require())).isEqualTo(RegistryText.describe(changed));
    assertThat(store.registry().require().requireAgreement(id).statusAt(notice.plusSeconds(91L * 86400)).phase().name()).isEqualTo("TERMINATED");
    try (Connection connection = TestDatabases.connect(config);
        PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM timeline_event WHERE agreement_id = ?")) {
      select.setString(1, id.value());
      try (ResultSet row = select.executeQuery()) {
        row.next();
        assertThat(row.getInt(1)).isEqualTo(changed.requireAgreement(id).timeline().events().size());
      }
    }
  }

  @Test
  void storedProvisionsKeepTheirColumnsPerKind() throws Exception {
    store.registry().importRegistry(reference(), OPERATOR, T0, JdbcRegistryStore.Progress.NONE);
    // the stored shape did not change when provisions were split by kind: each kind fills only its own columns
    try (Connection connection = TestDatabases.connect(config);
        PreparedStatement select = connection.prepareStatement("SELECT a.kind, COUNT(*), SUM(CASE WHEN v.has_equivalence THEN 1 ELSE 0 END),"
            + " COUNT(v.hub), COUNT(v.logistics) FROM provision_version v JOIN agreement a ON a.id = v.agreement_id GROUP BY a.kind ORDER BY a.kind");
        ResultSet row = select.executeQuery()) {
      List<String> counts = new java.util.ArrayList<>();
      while (row.next()) {
        counts.add(row.getString(1) + " versions=" + row.getInt(2) + " tables=" + row.getInt(3) + " channels=" + row.getInt(4)
            + " logistics=" + row.getInt(5));
      }
      assertThat(counts).allMatch(line -> line.startsWith("ARRANGEMENT") ? line.contains("tables=0") && line.endsWith("logistics=0")
          : line.startsWith("INFORMATION") ? line.contains("channels=0") && line.endsWith("logistics=0")
          : line.contains("tables=0") && line.contains("channels=0"));
      assertThat(counts).hasSize(3);
    }
  }

  @Test
  void aStoredVersionHoldingAnotherKindsPartIsAClearError() {
    store.registry().importRegistry(reference(), OPERATOR, T0, JdbcRegistryStore.Progress.NONE);
    TestDatabases.sql(config, "UPDATE provision_version SET hub = 'USA', paths = 'KOR>USA>JPN' WHERE agreement_id = 'ROK-JPN-GSOMIA-2016'");
    assertThatThrownBy(() -> store.registry().require())
        .isInstanceOf(StoreException.class)
        .hasMessage("stored provisions version 0 of ROK-JPN-GSOMIA-2016 hold a channel, which an agreement of kind INFORMATION does not have;"
            + " the registry cannot be read until that row is corrected");
  }

  @Test
  void anImportThatWouldRemoveAnEventIsRefusedWhole() {
    store.registry().importRegistry(reference(), OPERATOR, T0, JdbcRegistryStore.Progress.NONE);
    long head = store.audit().head().seq();
    Registry.Builder builder = Registry.builder();
    Registry reference = reference();
    reference.parties().forEach(builder::party);
    reference.communities().values().forEach(builder::community);
    reference.sources().values().forEach(builder::source);
    for (Agreement agreement : reference.agreements()) {
      if (agreement.id().value().equals("ROK-JPN-GSOMIA-2016")) {
        List<TimelineEvent> fewer = new ArrayList<>(agreement.timeline().events());
        fewer.removeIf(event -> event.type() == EventType.NOTICE_WITHDRAWN);
        agreement = new Agreement(agreement.id(), agreement.kind(), agreement.title(), agreement.parties(), new Timeline(fewer),
            agreement.versions(), agreement.sources(), agreement.note());
      }
      builder.agreement(agreement);
    }
    assertThatThrownBy(() -> store.registry().importRegistry(builder.build(), OPERATOR, T0, JdbcRegistryStore.Progress.NONE))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("agreement ROK-JPN-GSOMIA-2016")
        .hasMessageContaining("NOTICE_WITHDRAWN")
        .hasMessageContaining("nothing was stored");
    assertThat(store.audit().head().seq()).isEqualTo(head);
    assertThat(RegistryText.describe(store.registry().require())).isEqualTo(RegistryText.describe(reference));
  }

  // 2. Items, holdings, consents, releases

  @Test
  void anItemIsStoredSignedAndEncrypted() throws Exception {
    store.registry().importRegistry(reference(), OPERATOR, T0, JdbcRegistryStore.Progress.NONE);
    store.items().resolveLevelsWith(qualified -> levelOf(store.registry().require(), qualified));
    Item item = addItem("launch window 0400-0600, site B");
    Item found = store.items().require(item.id());
    assertThat(found).isEqualTo(item);
    assertThat(JdbcItemRepository.signatureValid(found)).isTrue();
    assertThat(new String(store.items().content(item.id()), StandardCharsets.UTF_8)).isEqualTo("launch window 0400-0600, site B");
    assertThat(store.items().list(0, 10)).containsExactly(item);
    assertThat(store.items().count()).isEqualTo(1);
    try (Connection connection = TestDatabases.connect(config);
        PreparedStatement select = connection.prepareStatement("SELECT ciphertext FROM item_content WHERE item_id = ?")) {
      select.setString(1, item.id().value());
      try (ResultSet row = select.executeQuery()) {
        row.next();
        assertThat(new String(row.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain("launch window");
      }
    }
  }

  @Test
  void tamperedContentIsDetectedOnRead() {
    Item item = addItem("grid 52S DG 1234 5678");
    TestDatabases.sql(config, "UPDATE item_content SET ciphertext = content_iv WHERE item_id = '" + item.id() + "'");
    assertThatThrownBy(() -> store.items().content(item.id()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("item " + item.id())
        .hasMessageNotContaining("grid 52S");
  }

  @Test
  void holdingsConsentsAndReleasesAreRecordedAndAudited() {
    Item item = addItem("order of battle");
    store.holdings().add(new Holding(item.id(), KOR, T0, List.of(KOR), "//KOR II"), KIM);
    ConsentRequest request = new ConsentRequest("c-1", item.id(), KOR, USA, JPN, T0.plusSeconds(60));
    store.consents().request(request, SMITH);
    assertThat(store.consents().pending()).containsExactly(request);
    ConsentAnswer answer = new ConsentAnswer("c-1", KOR, ConsentAnswer.Verdict.GRANTED, T0.plusSeconds(120), List.of(
        new ConsentCondition.Expiry(T0.plusSeconds(86400)), new ConsentCondition.Downgrade("JPN:HI"), new ConsentCondition.AddedCaveat("ORCON")));
    store.consents().answer(answer, KIM);
    assertThat(store.consents().answerTo("c-1")).contains(answer);
    assertThat(store.consents().pending()).isEmpty();
    assertThatThrownBy(() -> store.consents().answer(new ConsentAnswer("c-1", KOR, ConsentAnswer.Verdict.REFUSED, T0, List.of()), KIM))
        .isInstanceOf(StoreException.class).hasMessageContaining("already answered");

    Release release = new Release("r-1", item.id(), USA, JPN, T0.plusSeconds(180), Outcome.PERMIT, List.of("AGREEMENT_IN_FORCE"),
        List.of(AgreementId.of("USA-JPN-GSOMIA-2007")), "JPN:GOKUHI", true);
    store.releases().record(release, new Holding(item.id(), JPN, T0.plusSeconds(180), List.of(KOR, USA, JPN), "極秘",
        AgreementId.of("USA-JPN-GSOMIA-2007")), SMITH);
    assertThat(store.releases().releasesOf(item.id())).containsExactly(release);
    assertThat(store.holdings().holdingsOf(item.id())).extracting(Holding::holder).containsExactly(KOR, JPN);
    // the originator's copy records no agreement; the recipient's records the one its release relied on
    assertThat(store.holdings().holdingsOf(item.id())).extracting(Holding::agreement)
        .containsExactly(null, AgreementId.of("USA-JPN-GSOMIA-2007"));
    List<String> kinds = store.audit().entries(1, 100).stream().map(entry -> entry.event().kind()).toList();
    assertThat(kinds).containsExactly("ITEM_ADDED", "HOLDING_ADDED", "CONSENT_REQUESTED", "CONSENT_ANSWERED", "RELEASED", "HOLDING_ADDED");
    assertThat(store.audit().verify().ok()).isTrue();
  }

  @Test
  void aBulkImportKeepsAllOrNothing() {
    var draft = new JdbcItemRepository.Draft(List.of(USA), reference().requireParty(USA).findLevel("SECRET", T0).orElseThrow(),
        Releasability.noforn(), true, Set.of(), null, "SECRET//NOFORN");
    List<JdbcItemRepository.WithContent> batch = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      byte[] content = ("report " + i).getBytes(StandardCharsets.UTF_8);
      batch.add(new JdbcItemRepository.WithContent(store.items().build(draft, content, T0), content));
    }
    store.items().addAll(batch, SMITH);
    assertThat(store.items().count()).isEqualTo(50);
    // a batch with one duplicate id fails whole
    List<JdbcItemRepository.WithContent> bad = new ArrayList<>();
    byte[] content = "again".getBytes(StandardCharsets.UTF_8);
    bad.add(new JdbcItemRepository.WithContent(store.items().build(draft, content, T0), content));
    bad.add(batch.get(0));
    long head = store.audit().head().seq();
    assertThatThrownBy(() -> store.items().addAll(bad, SMITH)).isInstanceOf(StoreException.class);
    assertThat(store.items().count()).isEqualTo(50);
    assertThat(store.audit().head().seq()).isEqualTo(head);
    assertThat(store.audit().verify().ok()).isTrue();
  }

  // 3. The audit log

  List<Long> appendEntries(int count) {
    List<Long> seqs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      seqs.add(store.audit().append(AuditEvent.of(T0.plusSeconds(i), "TEST_EVENT", KIM, "subject-" + i, "n", String.valueOf(i))).seq());
    }
    return seqs;
  }

  @Test
  void theChainVerifiesAndEveryCommitIsSigned() {
    assertThat(appendEntries(10)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    Checkpoint checkpoint = store.audit().checkpoint().orElseThrow();
    assertThat(checkpoint.seq()).isEqualTo(10);
    assertThat(checkpoint.hashHex()).isEqualTo(store.audit().head().hashHex());
    assertThat(store.audit().checkpoints(1, 100)).extracting(Checkpoint::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(store.audit().checkpoints(1, 100).get(9)).isEqualTo(checkpoint);
    Verification verification = store.audit().verify();
    assertThat(verification).isEqualTo(new Verification.Intact(10, 10, store.audit().head().hashHex(), 10));
  }

  @Test
  void flippingOneByteIsAlteration() throws Exception {
    appendEntries(8);
    byte[] body;
    try (Connection connection = TestDatabases.connect(config);
        PreparedStatement select = connection.prepareStatement("SELECT body FROM audit_entry WHERE seq = 5");
        ResultSet row = select.executeQuery()) {
      row.next();
      body = row.getBytes(1);
    }
    body[body.length - 2] ^= 0x01;
    TestDatabases.tamper(config);
    try (Connection connection = TestDatabases.connect(config);
        PreparedStatement update = connection.prepareStatement("UPDATE audit_entry SET body = ? WHERE seq = 5")) {
      update.setBytes(1, body);
      update.executeUpdate();
    }
    assertThat(store.audit().verify()).isEqualTo(new Verification.Broken(Verification.Problem.ALTERED, 5,
        "entry 5 is altered: its contents do not match its hash"));
  }

  @Test
  void deletingARowIsAMissingEntry() {
    appendEntries(8);
    TestDatabases.tamper(config, "DELETE FROM audit_entry WHERE seq = 4");
    Verification verification = store.audit().verify();
    assertThat(verification).isInstanceOf(Verification.Broken.class);
    assertThat(((Verification.Broken) verification).problem()).isEqualTo(Verification.Problem.MISSING);
    assertThat(((Verification.Broken) verification).seq()).isEqualTo(4);
    assertThat(((Verification.Broken) verification).message()).isEqualTo("entry 4 is missing: entry 3 is followed by entry 5");
  }

  @Test
  void swappingTwoRowsIsReordering() {
    appendEntries(8);
    TestDatabases.tamper(config,
        "UPDATE audit_entry SET seq = 100 WHERE seq = 3",
        "UPDATE audit_entry SET seq = 3 WHERE seq = 6",
        "UPDATE audit_entry SET seq = 6 WHERE seq = 100");
    Verification verification = store.audit().verify();
    assertThat(verification).isEqualTo(new Verification.Broken(Verification.Problem.REORDERED, 3,
        "entry 3 is out of place: the entry stored there is entry 6"));
  }

  @Test
  void swappingTheContentsOfTwoRowsIsReordering() {
    appendEntries(8);
    TestDatabases.tamper(config,
        "DROP INDEX audit_entry_prev_hash", // for a moment two rows link to one hash: the owner drops what forbids it
        "CREATE TABLE swap_tmp AS SELECT * FROM audit_entry WHERE seq IN (3, 6)",
        "UPDATE audit_entry SET kind = (SELECT kind FROM swap_tmp WHERE seq = 6), subject = (SELECT subject FROM swap_tmp WHERE seq = 6),"
            + " prev_hash = (SELECT prev_hash FROM swap_tmp WHERE seq = 6), body = (SELECT body FROM swap_tmp WHERE seq = 6),"
            + " hash = (SELECT hash FROM swap_tmp WHERE seq = 6) WHERE seq = 3",
        "UPDATE audit_entry SET kind = (SELECT kind FROM swap_tmp WHERE seq = 3), subject = (SELECT subject FROM swap_tmp WHERE seq = 3),"
            + " prev_hash = (SELECT prev_hash FROM swap_tmp WHERE seq = 3), body = (SELECT body FROM swap_tmp WHERE seq = 3),"
            + " hash = (SELECT hash FROM swap_tmp WHERE seq = 3) WHERE seq = 6",
        "DROP TABLE swap_tmp");
    Verification verification = store.audit().verify();
    assertThat(verification).isInstanceOf(Verification.Broken.class);
    assertThat(((Verification.Broken) verification).problem()).isEqualTo(Verification.Problem.REORDERED);
    assertThat(((Verification.Broken) verification).seq()).isEqualTo(3);
  }

  @Test
  void truncatingTheLogIsDetected() {
    appendEntries(8);
    TestDatabases.tamper(config, "DELETE FROM audit_entry WHERE seq > 5");
    assertThat(store.audit().verify()).isEqualTo(new Verification.Broken(Verification.Problem.TRUNCATED, 6,
        "entries 6 to 8 are missing: a signed checkpoint names entry 8 but the log ends at entry 5"));
  }

  @Test
  void aForgedCheckpointIsRejected() {
    appendEntries(3);
    store.audit().checkpoint();
    TestDatabases.tamper(config, "UPDATE audit_checkpoint SET at_text = '2020-01-01T00:00:00Z'");
    Verification verification = store.audit().verify();
    assertThat(verification).isInstanceOf(Verification.Broken.class);
    assertThat(((Verification.Broken) verification).problem()).isEqualTo(Verification.Problem.BAD_CHECKPOINT);
  }

  // 4. Bad input at start

  @Test
  void keyFilesAreOwnerOnly() throws Exception {
    Path master = config.keyDir().resolve("master.key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(master))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.keyDir().resolve("node.key")))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config.keyDir()))).isEqualTo("rwx------");
  }

  @Test
  void aCorruptKeyFileIsAClearErrorAndIsNotOverwritten() throws Exception {
    store.close();
    store = null;
    Path master = config.keyDir().resolve("master.key");
    String original = Files.readString(master);
    String corrupt = original.replaceFirst("key=.", "key=!");
    Files.writeString(master, corrupt);
    assertThatThrownBy(() -> Store.open(config))
        .isInstanceOf(StoreException.class)
        .hasMessage("the key file " + master + " is corrupt at line 2: not base64; restore it from backup (nothing was overwritten)");
    assertThat(Files.readString(master)).isEqualTo(corrupt);
  }

  @Test
  void aWrongMasterKeyIsAClearError() throws Exception {
    store.close();
    store = null;
    String databaseKeyId = NodeKeys.load(config.keyDir()).masterKeyId();
    Path otherKeys = dir.resolve("other-keys");
    NodeKeys other = NodeKeys.create(otherKeys);
    // The other folder holds the database's password (an embedded H2's), so it is the master key that differs.
    Path password = config.keyDir().resolve(H2Protection.PASSWORD_FILE);
    if (Files.exists(password)) {
      Files.copy(password, otherKeys.resolve(H2Protection.PASSWORD_FILE));
    }
    StoreConfig wrong = new StoreConfig(config.jdbcUrl(), config.user(), config.password(), config.schema(), otherKeys);
    assertThatThrownBy(() -> Store.open(wrong))
        .isInstanceOf(StoreException.class)
        .hasMessage("the master key in " + otherKeys.resolve("master.key") + " (id " + other.masterKeyId()
            + ") is not the one this database was created with (id " + databaseKeyId + "); nothing was changed");
  }

  @Test
  void aMissingKeyFileForAnExistingDatabaseIsNotRecreated() throws Exception {
    store.close();
    store = null;
    Files.delete(config.keyDir().resolve("master.key"));
    Files.delete(config.keyDir().resolve("node.key"));
    assertThatThrownBy(() -> Store.open(config)).isInstanceOf(StoreException.class).hasMessageContaining("is missing");
    assertThat(config.keyDir().resolve("master.key")).doesNotExist();
  }

  @Test
  void aSchemaNewerThanTheProgramIsAClearError() {
    appendEntries(2);
    store.close();
    store = null;
    TestDatabases.sql(config, "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
        + " \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\", \"success\") VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'test',"
        + " CURRENT_TIMESTAMP, 0, TRUE)");
    assertThatThrownBy(() -> Store.open(config))
        .isInstanceOf(StoreException.class)
        .hasMessage("the database " + config.displayUrl() + " has schema version 99, newer than this program knows (" + latestMigration() + "): use a newer pactbridge;"
            + " nothing was changed");
  }

  /** The highest migration version this build ships, read from its migration folder. */
  static int latestMigration() {
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of(Store.class.getResource("/db/migration").toURI()))) {
      return files.map(file -> file.getFileName().toString()).filter(name -> name.matches("V\\d+__.*\\.sql"))
          .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow();
    } catch (java.io.IOException | java.net.URISyntaxException e) {
      throw new AssertionError("cannot list the migrations", e);
    }
  }

  static org.pactbridge.core.party.Level levelOf(Registry registry, String qualified) {
    int colon = qualified.indexOf(':');
    return registry.requireParty(PartyCode.of(qualified.substring(0, colon))).allLevelsByCode().get(qualified.substring(colon + 1));
  }
}
