package org.pactbridge.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.item.Holding;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.label.Control;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.label.marking.PartyDirectory;
import org.pactbridge.core.label.stanag.Stanag4774;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.user.User;
import org.pactbridge.store.JdbcItemArchives.ArchiveRecord;
import org.pactbridge.store.JdbcItemArchives.AssertionCheck;
import org.pactbridge.store.Store;
import org.pactbridge.store.StoreException;
import org.pactbridge.tdf.AlternativeLabel;
import org.pactbridge.tdf.KasUnwrap;
import org.pactbridge.tdf.LevelRef;
import org.pactbridge.tdf.PolicyLabel;
import org.pactbridge.tdf.TdfArchive;
import org.pactbridge.tdf.TdfContent;
import org.pactbridge.tdf.TdfException;
import org.pactbridge.tdf.TdfPolicy;
import org.pactbridge.tdf.TdfWriter;

/**
 * Items as ZTDF archives: export one for a recipient, import one into this node.
 *
 * <p><b>Export</b> decides at the current instant on the node's clock through {@link ItemReleases}: a
 * PERMIT records the release and the recipient's holding (audited) and then writes the archive (4.3.0
 * form) with the data key wrapped for this node's KAS, the labels signed with its assertion key, the
 * policy from the item's label and the title encrypted; DENY or CONSENT_REQUIRED records the decision and
 * writes nothing. The content is read from the store whole (the store seals an item's content as one
 * blob), then encrypted to the output one segment at a time. A write that fails after a PERMIT leaves the
 * release recorded: the decision was made; a new export decides again.
 *
 * <p><b>Import</b> checks everything before it stores anything: the zip and the manifest, the key access
 * object (for this node's KAS, a key it holds, the policy binding), the assertions and their signer (this
 * node's assertion keys, or a peer's key given), the payload's segments and root signature, and the
 * label's parties and level in the registry. Then it stores the item, its title, this node's holding and
 * what the archive said (both labels, the assertions' status) in one transaction. A failure is a {@link
 * TdfException} naming the part, or a {@link ServiceException}; nothing is stored either way.
 *
 * <p>Thread-safe. Cost: one AES-GCM pass over the content, one RSA operation per key, two RSA signatures.
 */
public final class ItemArchives {
  private final Items items;
  private final ItemReleases releases;
  private final NodeKeyring keyring;
  private final PartyCode nodeParty;
  private final Store store;

  /** What an export decided, and what it wrote (empty unless the decision was a PERMIT). */
  public record Export(ItemReleases.ItemDecision decided, Optional<TdfWriter.Written> written) {
    public boolean permitted() {
      return written.isPresent();
    }
  }

  /** What an import stored: the new item and what its archive said. */
  public record Imported(Item item, ArchiveView archive) {}

  /**
   * What the archive of an imported item said besides its label, as recorded at import: the policy uuid,
   * the form, the signer's kid, both labels (STANAG 4774 XML; the alternative one also by field) and each
   * assertion's status ({@code VERIFIED} or the reason code). Markings only: never content or title.
   */
  public record ArchiveView(
      String policyUuid, String form, Instant importedAt, Optional<String> signerKid, String originatorLabelXml,
      Optional<String> alternativeLabelXml, Optional<String> recipient, Optional<String> recipientLevel, Optional<String> agreement,
      Optional<Instant> decidedAt, List<AssertionView> assertions) {
    static ArchiveView of(ArchiveRecord record) {
      return new ArchiveView(record.policyUuid(), record.form(), record.importedAt(), record.signerKid(), record.originatorLabelXml(),
          record.alternativeLabelXml(), record.recipient(), record.recipientLevel(), record.agreement(), record.decidedAt(),
          record.assertions().stream().map(check -> new AssertionView(check.id(), check.status(), check.verified())).toList());
    }
  }

  /** One assertion's status as checked at import. */
  public record AssertionView(String id, String status, boolean verified) {}

  public ItemArchives(Items items, ItemReleases releases, NodeKeyring keyring, PartyCode nodeParty) {
    this.items = items;
    this.releases = releases;
    this.keyring = keyring;
    this.nodeParty = nodeParty;
    this.store = items.store();
  }

  /**
   * A user exports an item their nation holds, for {@code to}: see the class comment. The archive names
   * {@code kasUrl} when given, else the node's recorded KAS URL.
   */
  public Export export(User caller, String itemId, PartyCode to, Optional<String> kasUrl, OutputStream out) {
    Item item = items.requireVisible(caller, itemId);
    PartyCode holder = items.requireHolder(caller, item);
    return export(holder, AuditActors.of(caller), item, to, kasUrl, out);
  }

  /** The node's operator exports an item the node's nation holds, audited as {@code operator}. */
  public Export exportAsOperator(AuditActor operator, String itemId, PartyCode to, Optional<String> kasUrl, OutputStream out) {
    Item item = findItem(itemId);
    PartyCode holder = items.requireHolder(nodeParty, item);
    return export(holder, operator, item, to, kasUrl, out);
  }

  private Export export(PartyCode holder, AuditActor actor, Item item, PartyCode to, Optional<String> kasUrl, OutputStream out) {
    // everything that can fail before the decision is prepared first: the KAS, the keys, the label, the content
    String kas = kasUrl.or(store::kasUrl).orElseThrow(() -> ServiceException.badInput("NO_KAS_URL",
        "this node has no KAS URL recorded (serve records it at start); give one"));
    TdfWriter writer = TdfWriter.of(List.of(keyring.kasKey(kas)), keyring.assertionKey());
    String originatorLabel = originatorLabelXml(item);
    byte[] content = store.items().content(item.id());
    ItemTitle title = store.items().title(item.id());
    ItemReleases.ItemDecision decided = releases.releaseAs(holder, actor, item, to);
    if (decided.decision().outcome() != Outcome.PERMIT) {
      return new Export(decided, Optional.empty());
    }
    return new Export(decided, Optional.of(write(writer, originatorLabel, content, title, item, to, decided, out)));
  }

  /**
   * Writes the archive of a permitted release of {@code item} to {@code to} for the KAS keys given (this
   * node's, and for a transfer the receiving node's too): what {@link #export} writes after its decision.
   */
  TdfWriter.Written writeFor(Item item, PartyCode to, ItemReleases.ItemDecision decided, List<org.pactbridge.tdf.KasKey> kases, OutputStream out) {
    TdfWriter writer = TdfWriter.of(kases, keyring.assertionKey());
    return write(writer, originatorLabelXml(item), store.items().content(item.id()), store.items().title(item.id()), item, to, decided, out);
  }

  private TdfWriter.Written write(TdfWriter writer, String originatorLabel, byte[] content, ItemTitle title, Item item, PartyCode to,
      ItemReleases.ItemDecision decided, OutputStream out) {
    Level recipientLevel = decided.decision().recipientLevel().filter(level -> level.party().equals(to)).orElseThrow(() ->
        ServiceException.conflict("NO_RECIPIENT_LEVEL", "No translated level", "the permit for " + to + " names no level in "
            + to + "'s scheme, which the alternative label needs; the release was recorded, no archive was written"));
    List<AgreementId> agreements = decided.decision().agreements();
    if (agreements.isEmpty()) {
      throw ServiceException.conflict("NO_AGREEMENT", "No agreement relied on", "the permit for " + to
          + " relies on no agreement, which the alternative label names; the release was recorded, no archive was written");
    }
    // the agreement of the final hop to the recipient is the last one the decision relied on
    AlternativeLabel alternative = new AlternativeLabel(to, LevelRef.of(recipientLevel), agreements.get(agreements.size() - 1),
        decided.decision().at());
    // the policy names the item so that this node's KAS finds the recipient's holding (and its agreement)
    TdfContent tdf = new TdfContent(PolicyLabel.of(item), List.of(), title, "application/octet-stream", originatorLabel, alternative)
        .withItem(item.id().value());
    return writer.write(tdf, new ByteArrayInputStream(content), out);
  }

  /** The originator's STANAG 4774 label of an item, in the scheme of its level's party. */
  String originatorLabelXml(Item item) {
    SecurityLabel.Builder label = SecurityLabel.builder(item.level()).releasability(item.releasability()).topics(item.topics());
    if (item.originators().size() > 1) {
      label.joint(item.originators());
    }
    if (item.orcon()) {
      label.control(Control.ORCON);
    }
    return new Stanag4774(PartyDirectory.of(registry())).write(label.build());
  }

  /**
   * Imports an archive written for this node's KAS (at {@code kasUrl} when given, else the recorded URL),
   * audited as {@code actor}. The assertions must verify with {@code signerKey} when given (a peer's
   * assertion key), else with this node's assertion keys. See the class comment.
   */
  public Imported importArchive(Path file, Optional<String> kasUrl, Optional<PublicKey> signerKey, AuditActor actor) {
    String kas = kasUrl.or(store::kasUrl).orElseThrow(() -> ServiceException.badInput("NO_KAS_URL",
        "this node has no KAS URL recorded (serve records it at start); give one"));
    try (TdfArchive archive = TdfArchive.open(file)) {
      TdfPolicy policy = archive.policy();
      PolicyLabel label = policy.label().orElseThrow(() -> ServiceException.badInput("POLICY_INVALID",
          "the archive's policy carries no Pactbridge label (namespace " + TdfPolicy.NAMESPACE + "): nothing to register"));
      Resolved resolved = resolve(label);
      TdfArchive.AssertionKeys keys = signerKey.<TdfArchive.AssertionKeys>map(key -> (id, kid) -> Optional.of(key))
          .orElseGet(keyring::assertionKeys);
      byte[] key = archive.payloadKey(new KasUnwrap(kas, keyring::kasPrivateKey)::unwrap);
      try {
        archive.verifyAssertions(keys, key);
        List<AssertionCheck> checks = new ArrayList<>();
        archive.assertions().forEach(assertion -> checks.add(new AssertionCheck(assertion.id(), "VERIFIED")));
        ItemTitle title = archive.title(key);
        long size = archive.plaintextSize();
        if (size > Integer.MAX_VALUE - 16) {
          throw ServiceException.badInput("CONTENT_TOO_LARGE", "the payload has " + size + " bytes; the store keeps at most "
              + (Integer.MAX_VALUE - 16) + " per item");
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream((int) size);
        archive.decrypt(key, plain);
        byte[] content = plain.toByteArray();
        plain = null;
        Optional<AlternativeLabel> alternative = archive.findAlternativeLabel();
        Instant now = items.clock().instant();
        Item item = store.items().build(new org.pactbridge.store.JdbcItemRepository.Draft(resolved.originators(), resolved.level(),
            label.releasability(), label.orcon(), label.topics(), null, ""), content, now);
        Holding holding = null;
        if (!item.originators().contains(nodeParty)) {
          String marking = alternative.filter(alt -> alt.recipient().equals(nodeParty)).map(alt -> alt.level().toString()).orElse("");
          // received under the agreement the alternative label names, when it was written for this node's nation
          AgreementId under = alternative.filter(alt -> alt.recipient().equals(nodeParty)).map(AlternativeLabel::agreement).orElse(null);
          holding = new Holding(item.id(), nodeParty, item.created(), List.of(item.originators().get(0), nodeParty), marking, under);
        }
        ArchiveRecord record = new ArchiveRecord(item.id(), policy.uuid(), archive.form().name(), item.created(),
            signerKid(archive), archive.findStatement(TdfWriter.ORIGINATOR_LABEL_ID).orElse(""),
            archive.findStatement(TdfWriter.ALTERNATIVE_LABEL_ID), alternative.map(alt -> alt.recipient().value()),
            alternative.map(alt -> alt.level().toString()), alternative.map(alt -> alt.agreement().value()),
            alternative.map(AlternativeLabel::decidedAt), checks);
        try {
          store.itemArchives().importItem(item, content, title, holding, record, actor);
        } catch (StoreException e) {
          throw e.code().equals("CONFLICT") ? ServiceException.conflict("ALREADY_IMPORTED", "Archive already imported", e.getMessage()) : e;
        }
        return new Imported(item, ArchiveView.of(record));
      } finally {
        java.util.Arrays.fill(key, (byte) 0);
      }
    }
  }

  /**
   * A user of this node's nation imports an archive (the web's upload), audited as done by them; a user of
   * another nation may not, since the item becomes this node's nation's holding.
   */
  public Imported importArchive(User caller, Path file) {
    if (!caller.nationality().equals(nodeParty)) {
      throw ServiceException.forbidden("NOT_NODE_NATION", "Not this node's nation",
          "an archive is imported into the holdings of " + nodeParty + ", by its users only");
    }
    return importArchive(file, Optional.empty(), Optional.empty(), AuditActors.of(caller));
  }

  /** The archive record of an item imported here, if the caller may see the item; empty for items registered here. */
  public Optional<ArchiveView> archiveOf(User caller, String itemId) {
    Item item = items.requireVisible(caller, itemId);
    return store.itemArchives().of(item.id()).map(ArchiveView::of);
  }

  /** The kid in the JWS header of the first assertion's binding, if it names one: which key signed the labels. */
  static Optional<String> signerKid(TdfArchive archive) {
    for (com.fasterxml.jackson.databind.JsonNode assertion : archive.manifest().path("assertions")) {
      String jws = assertion.path("binding").path("signature").asText("");
      int dot = jws.indexOf('.');
      if (dot > 0) {
        try {
          com.fasterxml.jackson.databind.JsonNode header = new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(java.util.Base64.getUrlDecoder().decode(jws.substring(0, dot)));
          if (header != null && header.path("kid").isTextual()) {
            return Optional.of(header.path("kid").textValue());
          }
        } catch (java.io.IOException | IllegalArgumentException e) {
          // a header that is not JSON names no kid; the binding itself was verified before
        }
      }
    }
    return Optional.empty();
  }

  /** A policy label's parties and level, resolved in this node's registry. */
  record Resolved(List<PartyCode> originators, Level level) {}

  Resolved resolve(PolicyLabel label) {
    Registry registry = registry();
    List<PartyCode> originators = new ArrayList<>();
    for (PartyCode party : label.originators()) {
      originators.add(registry.findParty(party).map(Party::code).orElseThrow(() ->
          InvalidInputException.invalid("UNKNOWN_PARTY", "policy", "the archive's label names the party " + party + ", unknown here")));
    }
    LevelRef ref = label.classification();
    Party party = registry.findParty(ref.party()).orElseThrow(() ->
        InvalidInputException.invalid("UNKNOWN_PARTY", "policy", "the archive's level is in the scheme of " + ref.party() + ", unknown here"));
    Level level = party.findLevelInAnyVersion(ref.code()).orElseThrow(() ->
        InvalidInputException.unknownLevel(party.code().value(), ref.code(), party.schemeAt(items.clock().instant()).codesForMessage()));
    // the level's party first, as registration orders a JOINT item's originators
    List<PartyCode> ordered = new ArrayList<>();
    ordered.add(level.party());
    originators.stream().filter(code -> !code.equals(level.party())).sorted().forEach(ordered::add);
    return new Resolved(ordered, level);
  }

  private Registry registry() {
    return items.engine().registry();
  }

  private Item findItem(String itemId) {
    try {
      return store.items().find(ItemId.of(itemId)).orElseThrow(() -> ServiceException.notFound("no item '" + itemId + "'"));
    } catch (InvalidInputException e) {
      throw ServiceException.notFound("no item '" + itemId + "'");
    }
  }
}
