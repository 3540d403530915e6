package org.pactbridge.core.item;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;

/**
 * A registered classified item: its label and the evidence of its content, never the content itself.
 *
 * <p>The label fields are kept simple so that they map onto the label model: {@code originators} (a
 * JOINT item lists several, in the order given), {@code level} in the first originator's scheme,
 * {@code releasability}, the {@code orcon} caveat, {@code topics}, {@code declassifyOn} (null: no date)
 * and {@code marking}, the human form as given (may be empty). {@code contentSha256} is the lower-case
 * hex SHA-256 of the plain content; {@code signature} the base64 Ed25519 signature of the originating
 * node over {@link #signedBytes()}, and {@code signerKey} the base64 X.509 form of its public key.
 * Immutable.
 */
public record Item(
    ItemId id,
    List<PartyCode> originators,
    Level level,
    Releasability releasability,
    boolean orcon,
    Set<Topic> topics,
    Instant created,
    Instant declassifyOn,
    String marking,
    String contentSha256,
    String signature,
    String signerKey) {

  public Item {
    Objects.requireNonNull(id, "id");
    originators = List.copyOf(originators);
    if (originators.isEmpty() || Set.copyOf(originators).size() != originators.size()) {
      throw new IllegalArgumentException("item " + id + " needs one or more distinct originators: " + originators);
    }
    Objects.requireNonNull(level, "level");
    if (!originators.contains(level.party())) {
      throw new IllegalArgumentException("the level " + level + " of item " + id + " must be in an originator's scheme " + originators);
    }
    Objects.requireNonNull(releasability, "releasability");
    topics = Set.copyOf(new TreeSet<>(topics));
    Objects.requireNonNull(created, "created");
    marking = marking == null ? "" : marking;
    if (contentSha256 == null || !contentSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("item " + id + " needs a SHA-256 content hash in lower-case hex");
    }
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(signerKey, "signerKey");
  }

  /** Topics sorted by slug: the order used in every output and in the signed bytes. */
  public List<Topic> sortedTopics() {
    return List.copyOf(new TreeSet<>(topics));
  }

  /**
   * What the originator node signs: the item id, the label and the content hash, one field a line, as
   * {@code name=value}. Content is covered through its hash, so the signature can be checked without
   * decrypting.
   */
  public byte[] signedBytes() {
    return signedBytes(id, originators, level, releasability, orcon, topics, created, declassifyOn, contentSha256);
  }

  /** The bytes {@link #signedBytes()} returns, for an item not built yet. */
  public static byte[] signedBytes(
      ItemId id,
      List<PartyCode> originators,
      Level level,
      Releasability releasability,
      boolean orcon,
      Set<Topic> topics,
      Instant created,
      Instant declassifyOn,
      String contentSha256) {
    StringBuilder out = new StringBuilder(256);
    out.append("pactbridge-item-v1\n");
    out.append("id=").append(id.value()).append('\n');
    out.append("originators=").append(String.join(",", originators.stream().map(PartyCode::value).toList())).append('\n');
    out.append("level=").append(level.qualified()).append('\n');
    out.append("releasability=").append(releasability.isNoforn() ? "NOFORN"
        : releasability.hasRelTo() ? "REL TO " + String.join(",", releasability.relToEntries()) : "").append('\n');
    out.append("orcon=").append(orcon).append('\n');
    out.append("topics=").append(String.join(",", new TreeSet<>(topics).stream().map(Topic::slug).toList())).append('\n');
    out.append("created=").append(created).append('\n');
    out.append("declassify=").append(declassifyOn == null ? "" : declassifyOn.toString()).append('\n');
    out.append("content-sha256=").append(contentSha256).append('\n');
    return org.pactbridge.core.audit.Utf8.encode(out.toString());
  }
}
