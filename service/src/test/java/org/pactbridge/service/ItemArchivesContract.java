package org.pactbridge.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.item.Holding;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;
import org.pactbridge.store.JdbcItemArchives.ArchiveRecord;
import org.pactbridge.store.Store;
import org.pactbridge.store.StoreConfig;
import org.pactbridge.tdf.TdfArchive;
import org.pactbridge.tdf.TdfException;
import org.pactbridge.tdf.TdfPolicy;
import org.pactbridge.tdf.TdfWriter;
import org.pactbridge.world.WorldLoader;

/**
 * {@link ItemArchives} on a real store: export decides and records, import checks everything and stores
 * all or nothing, and each tampered or hostile archive is refused naming its part with nothing stored.
 * Korea's node exports for the United States in June 2024 (reference world); the same store imports, as
 * the archive is wrapped for this node's KAS. Run on H2 and PostgreSQL by the subclasses.
 */
abstract class ItemArchivesContract {
  private static final Registry WORLD = WorldLoader.reference();
  private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
  private static final Topic MISSILES = Topic.of("dprk-missile");
  private static final String KAS = "https://kor.example/kas";
  private static final PartyCode KOR = PartyCode.of("KOR");
  private static final PartyCode USA = PartyCode.of("USA");
  private static final User KOR_ORIGINATOR = user("kor-originator", "KOR", "I", Role.ORIGINATOR);
  private static final User KOR_OFFICER = user("kor-fdo", "KOR", "I", Role.DISCLOSURE_OFFICER);
  private static final AuditActor OPERATOR = AuditActor.localOperator("ops");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TITLE = "Harbour sensor layout";

  @TempDir Path dir;

  private StoreConfig config;
  private Store store;
  private Items items;
  private ItemArchives korNode;
  private ItemArchives usaNode;

  abstract StoreConfig newConfig(Path dir);

  void dropDatabase(StoreConfig config) {}

  @BeforeEach
  void open() {
    config = newConfig(dir);
    store = Store.open(config);
    store.recordKasUrl(KAS);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    items = new Items(store, new ReleaseEngine(WORLD), clock);
    korNode = new ItemArchives(items, new ItemReleases(items), new NodeKeyring(store, KOR, clock), KOR);
    // the same store as the receiving node: archives are wrapped for this store's KAS key
    usaNode = new ItemArchives(items, new ItemReleases(items), new NodeKeyring(store, KOR, clock), USA);
  }

  @AfterEach
  void close() {
    store.close();
    dropDatabase(config);
  }

  private static User user(String name, String nation, String clearance, Role role) {
    Level level = WORLD.requireParty(nation).findLevelInAnyVersion(clearance).orElseThrow();
    return new User(UUID.randomUUID().toString(), name, PartyCode.of(nation), level, Set.of(MISSILES), Set.of(), Set.of(role), NOW);
  }

  private Item register(Releasability releasability, byte[] content) {
    Level level = WORLD.requireParty("KOR").findLevelInAnyVersion("II").orElseThrow();
    ReleaseRequest label = new ReleaseRequest(Set.of(KOR), level, releasability, false, Set.of(MISSILES), null, KOR, KOR, null, Set.of(), NOW);
    return items.register(KOR_ORIGINATOR, label, "//KOR II", null, content, ItemTitle.of(TITLE));
  }

  private Path export(Item item, int size) throws IOException {
    Path file = dir.resolve("item-" + UUID.randomUUID() + ".tdf");
    try (OutputStream out = Files.newOutputStream(file)) {
      ItemArchives.Export export = korNode.export(KOR_OFFICER, item.id().value(), USA, Optional.empty(), out);
      assertThat(export.permitted()).as("%s", export.decided().decision().reasons()).isTrue();
    }
    return file;
  }

  private static byte[] content(int size) {
    byte[] bytes = new byte[size];
    new java.util.Random(size).nextBytes(bytes);
    return bytes;
  }

  @Test
  void aPermitRecordsTheReleaseAndWritesAnArchiveWithBothLabelsAndNoTitleInTheClear() throws IOException {
    Item item = register(Releasability.open(), "the report".getBytes(StandardCharsets.UTF_8));
    Path file = export(item, 10);
    String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    assertThat(raw).doesNotContain(TITLE).doesNotContain("the report");
    assertThat(store.holdings().holdingsOf(item.id())).extracting(Holding::holder).contains(USA);
    assertThat(store.audit().entries(1, 1000)).extracting(entry -> entry.event().kind()).contains("RELEASED", "HOLDING_ADDED");
    try (TdfArchive archive = TdfArchive.open(file)) {
      assertThat(archive.specVersion()).contains("4.3.0");
      assertThat(archive.keyAccess()).singleElement().satisfies(object -> assertThat(object.url()).isEqualTo(KAS));
      assertThat(archive.policy().label().orElseThrow().classification().toString()).isEqualTo("KOR:II");
      assertThat(archive.policy().dissem()).isEmpty();
      assertThat(archive.policy().item()).contains(item.id().value());
      assertThat(archive.findStatement(TdfWriter.ORIGINATOR_LABEL_ID).orElseThrow()).contains("<PolicyIdentifier>KOR</PolicyIdentifier>");
      var alternative = archive.findAlternativeLabel().orElseThrow();
      assertThat(alternative.recipient()).isEqualTo(USA);
      assertThat(alternative.level().party()).isEqualTo(USA);
      assertThat(alternative.decidedAt()).isEqualTo(NOW);
      assertThat(alternative.agreement().value()).isNotBlank();
    }
  }

  @Test
  void aDenialWritesNothingAndRecordsTheDecision() {
    Item item = register(Releasability.noforn(), "the report".getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ItemArchives.Export export = korNode.export(KOR_OFFICER, item.id().value(), USA, Optional.empty(), out);
    assertThat(export.permitted()).isFalse();
    assertThat(export.decided().decision().outcome()).isEqualTo(Outcome.DENY);
    assertThat(out.size()).isZero();
    assertThat(store.holdings().holdingsOf(item.id())).extracting(Holding::holder).doesNotContain(USA);
    assertThat(store.audit().entries(1, 1000)).extracting(entry -> entry.event().kind()).contains("DECISION_RECORDED").doesNotContain("RELEASED");
  }

  @Test
  void theOperatorExportsForTheNodesNationAndAnItemItDoesNotHoldIsNotFound() {
    Item item = register(Releasability.open(), "the report".getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(korNode.exportAsOperator(OPERATOR, item.id().value(), USA, Optional.empty(), out).permitted()).isTrue();
    assertThat(out.size()).isPositive();
    ItemArchives japanNode = new ItemArchives(items, new ItemReleases(items), new NodeKeyring(store, KOR, Clock.fixed(NOW, ZoneOffset.UTC)),
        PartyCode.of("JPN"));
    assertThatThrownBy(() -> japanNode.exportAsOperator(OPERATOR, item.id().value(), USA, Optional.empty(), new ByteArrayOutputStream()))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.kind()).isEqualTo(ServiceException.Kind.NOT_FOUND));
    assertThatThrownBy(() -> korNode.exportAsOperator(OPERATOR, "not-an-id", USA, Optional.empty(), new ByteArrayOutputStream()))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.kind()).isEqualTo(ServiceException.Kind.NOT_FOUND));
  }

  @Test
  void importRegistersTheItemWithItsLabelTitleHoldingAndBothLabelsOnce() throws IOException {
    byte[] bytes = content(5000);
    Item original = register(Releasability.relTo(List.of("USA", "KOR")), bytes);
    Path file = export(original, bytes.length);
    long before = store.items().count();
    ItemArchives.Imported imported = usaNode.importArchive(file, Optional.empty(), Optional.empty(), OPERATOR);
    Item item = imported.item();
    assertThat(store.items().count()).isEqualTo(before + 1);
    assertThat(item.level().qualified()).isEqualTo("KOR:II");
    assertThat(item.originators()).containsExactly(KOR);
    assertThat(item.releasability().relToEntries()).containsExactlyInAnyOrder("USA", "KOR");
    assertThat(item.topics()).containsExactly(MISSILES);
    assertThat(item.contentSha256()).isEqualTo(original.contentSha256());
    assertThat(store.items().content(item.id())).isEqualTo(bytes);
    assertThat(store.items().title(item.id()).value()).isEqualTo(TITLE);
    assertThat(store.holdings().holdingsOf(item.id())).singleElement().satisfies(holding -> {
      assertThat(holding.holder()).isEqualTo(USA);
      assertThat(holding.route()).containsExactly(KOR, USA);
      assertThat(holding.nationalMarking()).startsWith("USA:");
      assertThat(holding.underAgreement().map(Object::toString)).isEqualTo(imported.archive().agreement());
    });
    ArchiveRecord record = store.itemArchives().of(item.id()).orElseThrow();
    assertThat(ItemArchives.ArchiveView.of(record)).isEqualTo(imported.archive());
    assertThat(record.originatorLabelXml()).contains("originatorConfidentialityLabel");
    assertThat(record.alternativeLabelXml()).hasValueSatisfying(xml -> assertThat(xml).contains("alternativeConfidentialityLabel"));
    assertThat(record.recipient()).contains("USA");
    assertThat(record.agreement()).isPresent();
    assertThat(record.decidedAt()).contains(NOW);
    assertThat(record.signerKid()).isPresent();
    assertThat(record.assertions()).extracting(check -> check.id() + "=" + check.status())
        .containsExactly(TdfWriter.ORIGINATOR_LABEL_ID + "=VERIFIED", TdfWriter.ALTERNATIVE_LABEL_ID + "=VERIFIED");
    assertThat(store.audit().entries(1, 1000)).extracting(entry -> entry.event().kind()).contains("ITEM_IMPORTED");
    assertThat(store.audit().entries(1, 1000).toString()).doesNotContain(TITLE);

    assertThatThrownBy(() -> usaNode.importArchive(file, Optional.empty(), Optional.empty(), OPERATOR))
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("ALREADY_IMPORTED"));
    assertThat(store.items().count()).isEqualTo(before + 1);
  }

  @Test
  void aPeersSignerKeyIsUsedWhenGivenAndAWrongOneIsRefused() throws Exception {
    Item original = register(Releasability.open(), content(100));
    Path file = export(original, 100);
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var stranger = generator.generateKeyPair().getPublic();
    refusedWithNothingStored(file, Optional.empty(), Optional.of(stranger), TdfException.Reason.ASSERTION_BINDING, "assertion");
  }

  // --- bad input and attacks: each refused naming its part, nothing stored ---

  private void refusedWithNothingStored(Path file, Optional<String> kas, Optional<java.security.PublicKey> signer, TdfException.Reason reason,
      String part) {
    long items = store.items().count();
    long audit = store.audit().entries(1, 100000).size();
    assertThatThrownBy(() -> usaNode.importArchive(file, kas, signer, OPERATOR)).isInstanceOfSatisfying(TdfException.class, e -> {
      assertThat(e.reason()).isEqualTo(reason);
      assertThat(e.part()).contains(part);
      assertThat(e.getMessage()).doesNotContain(TITLE);
    });
    assertThat(store.items().count()).isEqualTo(items);
    assertThat(store.audit().entries(1, 100000)).hasSize((int) audit);
  }

  /** An export of {@code segments} segments of 1 KiB, written as this node writes (its keys), for the segment attacks. */
  private Path smallSegments(Item item, int segments) throws IOException {
    Path file = dir.resolve("segments-" + UUID.randomUUID() + ".tdf");
    NodeKeyring keyring = new NodeKeyring(store, KOR, Clock.fixed(NOW, ZoneOffset.UTC));
    TdfWriter writer = TdfWriter.of(List.of(keyring.kasKey(KAS)), keyring.assertionKey()).withSegmentSize(1024);
    try (OutputStream out = Files.newOutputStream(file)) {
      var alternative = new org.pactbridge.tdf.AlternativeLabel(USA, new org.pactbridge.tdf.LevelRef(USA, "SECRET"),
          org.pactbridge.core.agreement.AgreementId.of("KOR-USA-GSOMIA"), NOW);
      writer.write(new org.pactbridge.tdf.TdfContent(org.pactbridge.tdf.PolicyLabel.of(item), List.of(), ItemTitle.of(TITLE), null,
          korNode.originatorLabelXml(item), alternative), new java.io.ByteArrayInputStream(content(1024 * segments)), out);
    }
    return file;
  }

  private static Map<String, byte[]> entries(Path file) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
      }
    }
    return entries;
  }

  /** Writes the entries as a zip of stored entries, as the reader requires. */
  private Path zip(Map<String, byte[]> entries) throws IOException {
    Path file = dir.resolve("edited-" + UUID.randomUUID() + ".tdf");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        ZipEntry zipEntry = new ZipEntry(entry.getKey());
        zipEntry.setMethod(ZipEntry.STORED);
        zipEntry.setSize(entry.getValue().length);
        CRC32 crc = new CRC32();
        crc.update(entry.getValue());
        zipEntry.setCrc(crc.getValue());
        out.putNextEntry(zipEntry);
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
    return file;
  }

  private Path withManifest(Path file, java.util.function.Consumer<ObjectNode> edit) throws IOException {
    Map<String, byte[]> entries = entries(file);
    ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get(TdfWriter.MANIFEST_ENTRY));
    edit.accept(manifest);
    entries.put(TdfWriter.MANIFEST_ENTRY, JSON.writeValueAsBytes(manifest));
    return zip(entries);
  }

  @Test
  void theRewrittenZipOfAnUneditedArchiveImports() throws IOException {
    // the control for the attacks below, which rewrite the zip the same way
    Item item = register(Releasability.open(), content(10));
    Path file = zip(entries(smallSegments(item, 3)));
    assertThat(usaNode.importArchive(file, Optional.empty(), Optional.empty(), OPERATOR).item().contentSha256()).isNotBlank();
  }

  @Test
  void aFlippedPayloadByteNamesTheSegment() throws IOException {
    Item item = register(Releasability.open(), content(10));
    Map<String, byte[]> entries = entries(smallSegments(item, 4));
    byte[] payload = entries.get(TdfWriter.PAYLOAD_ENTRY);
    payload[2 * (1024 + 28) + 100] ^= 0x01;
    refusedWithNothingStored(zip(entries), Optional.empty(), Optional.empty(), TdfException.Reason.SEGMENT_INTEGRITY, "segment 2");
  }

  @Test
  void reorderedSegmentsAreCaughtByTheirHashesAndWithTheHashesReorderedByTheRootSignature() throws IOException {
    Item item = register(Releasability.open(), content(10));
    Path original = smallSegments(item, 4);
    Map<String, byte[]> entries = entries(original);
    byte[] payload = entries.get(TdfWriter.PAYLOAD_ENTRY);
    int sealed = 1024 + 28;
    byte[] first = Arrays.copyOfRange(payload, 0, sealed);
    System.arraycopy(payload, sealed, payload, 0, sealed);
    System.arraycopy(first, 0, payload, sealed, sealed);
    Path swapped = zip(entries);
    refusedWithNothingStored(swapped, Optional.empty(), Optional.empty(), TdfException.Reason.SEGMENT_INTEGRITY, "segment 0");
    Path swappedBoth = withManifest(swapped, manifest -> {
      ArrayNode segments = (ArrayNode) manifest.path("encryptionInformation").path("integrityInformation").path("segments");
      JsonNode zero = segments.get(0);
      segments.set(0, segments.get(1));
      segments.set(1, zero);
    });
    // the assertions bind the segment hashes too, and are checked before the payload
    refusedWithNothingStored(swappedBoth, Optional.empty(), Optional.empty(), TdfException.Reason.ASSERTION_BINDING, "assertion");
  }

  @Test
  void aRemovedSegmentIsCaught() throws IOException {
    Item item = register(Releasability.open(), content(10));
    Map<String, byte[]> entries = entries(smallSegments(item, 4));
    byte[] payload = entries.get(TdfWriter.PAYLOAD_ENTRY);
    entries.put(TdfWriter.PAYLOAD_ENTRY, Arrays.copyOf(payload, payload.length - (1024 + 28)));
    Path shorter = zip(entries);
    refusedWithNothingStored(shorter, Optional.empty(), Optional.empty(), TdfException.Reason.SEGMENT_TABLE, "segments");
    Path alsoFromTheManifest = withManifest(shorter, manifest ->
        ((ArrayNode) manifest.path("encryptionInformation").path("integrityInformation").path("segments")).remove(3));
    refusedWithNothingStored(alsoFromTheManifest, Optional.empty(), Optional.empty(), TdfException.Reason.ASSERTION_BINDING, "assertion");
  }

  @Test
  void anEditedOrSwappedAssertionFailsItsBinding() throws IOException {
    Item item = register(Releasability.open(), content(10));
    Path file = smallSegments(item, 2);
    Path edited = withManifest(file, manifest -> {
      ObjectNode statement = (ObjectNode) manifest.path("assertions").get(1).path("statement");
      statement.put("value", statement.path("value").asText().replace("<PolicyIdentifier>USA", "<PolicyIdentifier>JPN"));
    });
    refusedWithNothingStored(edited, Optional.empty(), Optional.empty(), TdfException.Reason.ASSERTION_BINDING,
        "assertion " + TdfWriter.ALTERNATIVE_LABEL_ID);
    JsonNode otherAssertion = JSON.readTree(entries(smallSegments(item, 2)).get(TdfWriter.MANIFEST_ENTRY)).path("assertions").get(0);
    Path swapped = withManifest(file, manifest -> ((ArrayNode) manifest.path("assertions")).set(0, otherAssertion));
    refusedWithNothingStored(swapped, Optional.empty(), Optional.empty(), TdfException.Reason.ASSERTION_BINDING,
        "assertion " + TdfWriter.ORIGINATOR_LABEL_ID);
  }

  @Test
  void anEditedPolicyFailsItsBinding() throws IOException {
    Item item = register(Releasability.open(), content(10));
    Path file = smallSegments(item, 1);
    Path edited = withManifest(file, manifest -> {
      ObjectNode encryption = (ObjectNode) manifest.path("encryptionInformation");
      String policy = new String(java.util.Base64.getDecoder().decode(encryption.path("policy").asText()), StandardCharsets.UTF_8);
      // a downgrade from II to III: a valid label, so only the binding can catch it
      String widened = policy.replace(TdfPolicy.NAMESPACE + "/attr/classification/value/II\"", TdfPolicy.NAMESPACE
          + "/attr/classification/value/III\"");
      assertThat(widened).isNotEqualTo(policy);
      encryption.put("policy", java.util.Base64.getEncoder().encodeToString(widened.getBytes(StandardCharsets.UTF_8)));
    });
    refusedWithNothingStored(edited, Optional.empty(), Optional.empty(), TdfException.Reason.POLICY_BINDING, "policyBinding");
  }

  @Test
  void aKeyAccessObjectForAnotherKasIsRefused() throws IOException {
    Item item = register(Releasability.open(), content(10));
    refusedWithNothingStored(smallSegments(item, 1), Optional.of("https://elsewhere.example/kas"), Optional.empty(),
        TdfException.Reason.WRONG_KAS, "keyAccess 0");
  }

  @Test
  void aZipBombIsRefusedBeforeAnythingIsInflated() throws IOException {
    Path file = dir.resolve("bomb.tdf");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
      out.putNextEntry(new ZipEntry(TdfWriter.PAYLOAD_ENTRY));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 256; i++) {
        out.write(zeros);
      }
      out.closeEntry();
      out.putNextEntry(new ZipEntry(TdfWriter.MANIFEST_ENTRY));
      out.write("{}".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    assertThat(Files.size(file)).isLessThan(1 << 20);
    refusedWithNothingStored(file, Optional.empty(), Optional.empty(), TdfException.Reason.ZIP_LIMIT, "zip");
  }

  @Test
  void aManifestOverOneMebibyteIsRefusedBeforeItIsRead() throws IOException {
    Item item = register(Releasability.open(), content(10));
    Path padded = withManifest(smallSegments(item, 1), manifest -> manifest.put("padding", "x".repeat(1024 * 1024)));
    refusedWithNothingStored(padded, Optional.empty(), Optional.empty(), TdfException.Reason.MANIFEST_TOO_LARGE, "manifest");
  }
}
