package org.pactbridge.tdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;

/**
 * The policy object of an archive: its {@code uuid}, the Pactbridge label as data attributes under
 * {@link #NAMESPACE}, and {@code dissem}, the entities that may open the item (never the deciding node).
 * Attributes of other namespaces are kept, unread, in {@link #otherAttributes()}.
 *
 * <p>Attribute instance URIs are {@code {NAMESPACE}/attr/{name}/value/{value}} with these names:
 * {@code originator} (one per originator, in order), {@code classification-party} and {@code
 * classification} (the level's scheme and code), {@code releasable-to} (one per REL TO entry), {@code
 * caveat} ({@code NOFORN}, {@code ORCON}) and {@code topic}; and, outside the label, {@code item}: the
 * item's id on the node that exported it, at most one, which tells that node's key access service which
 * holdings to consult (the binding protects it like the label). Values keep their case; characters other
 * than {@code A-Z a-z 0-9 _ -} are percent-encoded (UTF-8, upper-case hex), and a reader accepts only
 * that canonical encoding, so one label has one policy text.
 */
public record TdfPolicy(String uuid, Optional<PolicyLabel> label, Optional<String> item, List<String> dissem, List<String> otherAttributes) {
  /** The attribute namespace every Pactbridge node writes and reads. */
  public static final String NAMESPACE = "https://pactbridge.example";
  static final String PREFIX = NAMESPACE + "/attr/";

  private static final String ORIGINATOR = "originator";
  private static final String CLASSIFICATION_PARTY = "classification-party";
  private static final String CLASSIFICATION = "classification";
  private static final String RELEASABLE_TO = "releasable-to";
  private static final String CAVEAT = "caveat";
  private static final String TOPIC = "topic";
  private static final String ITEM = "item";
  private static final Set<String> NAMES = Set.of(ORIGINATOR, CLASSIFICATION_PARTY, CLASSIFICATION, RELEASABLE_TO, CAVEAT, TOPIC, ITEM);

  public TdfPolicy {
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(item, "item");
    if (item.isPresent() && item.get().isEmpty()) {
      throw new IllegalArgumentException("an item id in the policy is not empty");
    }
    dissem = List.copyOf(dissem);
    otherAttributes = List.copyOf(otherAttributes);
  }

  /** A policy that names no item. */
  public TdfPolicy(String uuid, Optional<PolicyLabel> label, List<String> dissem, List<String> otherAttributes) {
    this(uuid, label, Optional.empty(), dissem, otherAttributes);
  }

  /** A new policy with a random UUID for one export, naming no item. */
  public static TdfPolicy of(PolicyLabel label, List<String> dissem) {
    return of(label, null, dissem);
  }

  /** A new policy with a random UUID for one export of item {@code item} (null: none named). */
  public static TdfPolicy of(PolicyLabel label, String item, List<String> dissem) {
    return new TdfPolicy(UUID.randomUUID().toString(), Optional.of(label), Optional.ofNullable(item), dissem, List.of());
  }

  /** The attribute instance URIs of the label, in the order written. */
  public List<String> attributes() {
    List<String> out = new ArrayList<>();
    label.ifPresent(value -> {
      value.originators().forEach(party -> out.add(attribute(ORIGINATOR, party.value())));
      out.add(attribute(CLASSIFICATION_PARTY, value.classification().party().value()));
      out.add(attribute(CLASSIFICATION, value.classification().code()));
      if (value.releasability().isNoforn()) {
        out.add(attribute(CAVEAT, "NOFORN"));
      }
      if (value.orcon()) {
        out.add(attribute(CAVEAT, "ORCON"));
      }
      if (value.releasability().hasRelTo()) {
        value.releasability().relToEntries().forEach(entry -> out.add(attribute(RELEASABLE_TO, entry)));
      }
      value.topics().forEach(topic -> out.add(attribute(TOPIC, topic.slug())));
    });
    item.ifPresent(id -> out.add(attribute(ITEM, id)));
    out.addAll(otherAttributes);
    return out;
  }

  /** The policy JSON, Base64 encoded: the exact string the manifest holds and the binding covers. */
  public String toBase64() {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("uuid", uuid);
    ObjectNode body = root.putObject("body");
    ArrayNode attributes = body.putArray("dataAttributes");
    for (String attribute : attributes()) {
      attributes.addObject().put("attribute", attribute);
    }
    ArrayNode dissemArray = body.putArray("dissem");
    dissem.forEach(dissemArray::add);
    return Crypto.base64(Json.bytes(root));
  }

  /**
   * Reads a policy string. Throws {@link TdfException} ({@code POLICY_INVALID}) when it is not Base64
   * JSON of a policy object, or when its Pactbridge attributes do not make one label.
   */
  public static TdfPolicy parse(String base64) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(java.util.Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw TdfException.policyInvalid("the policy is not Base64 of a JSON object");
    }
    if (root == null || !root.isObject() || !root.path("uuid").isTextual() || !root.path("body").isObject()) {
      throw TdfException.policyInvalid("the policy needs a uuid and a body");
    }
    JsonNode body = root.get("body");
    List<String> dissem = new ArrayList<>();
    for (JsonNode entity : array(body, "dissem")) {
      if (!entity.isTextual()) {
        throw TdfException.policyInvalid("dissem holds a value that is not a string");
      }
      dissem.add(entity.textValue());
    }
    Map<String, List<String>> ours = new LinkedHashMap<>();
    List<String> others = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (JsonNode attribute : array(body, "dataAttributes")) {
      String uri = attribute.path("attribute").asText(null);
      if (uri == null || !attribute.path("attribute").isTextual()) {
        throw TdfException.policyInvalid("a data attribute has no attribute URI");
      }
      if (!seen.add(uri)) {
        throw TdfException.policyInvalid("an attribute appears twice: " + uri);
      }
      if (!uri.startsWith(PREFIX)) {
        others.add(uri);
        continue;
      }
      String rest = uri.substring(PREFIX.length());
      int at = rest.indexOf("/value/");
      String name = at < 0 ? rest : rest.substring(0, at);
      if (at < 0 || !NAMES.contains(name)) {
        throw TdfException.policyInvalid("an attribute of the Pactbridge namespace is not one of " + new TreeSet<>(NAMES) + ": " + uri);
      }
      ours.computeIfAbsent(name, key -> new ArrayList<>()).add(decode(rest.substring(at + "/value/".length()), uri));
    }
    List<String> items = ours.remove(ITEM);
    if (items != null && items.size() > 1) {
      throw TdfException.policyInvalid("the policy names more than one item");
    }
    Optional<PolicyLabel> label = ours.isEmpty() ? Optional.empty() : Optional.of(label(ours));
    return new TdfPolicy(root.get("uuid").textValue(), label, items == null ? Optional.empty() : Optional.of(items.get(0)), dissem, others);
  }

  private static PolicyLabel label(Map<String, List<String>> values) {
    List<String> parties = values.getOrDefault(CLASSIFICATION_PARTY, List.of());
    List<String> levels = values.getOrDefault(CLASSIFICATION, List.of());
    if (parties.size() != 1 || levels.size() != 1) {
      throw TdfException.policyInvalid("the Pactbridge attributes need exactly one classification-party and one classification");
    }
    List<String> caveats = values.getOrDefault(CAVEAT, List.of());
    for (String caveat : caveats) {
      if (!caveat.equals("NOFORN") && !caveat.equals("ORCON")) {
        throw TdfException.policyInvalid("unknown caveat " + caveat + "; known: NOFORN, ORCON");
      }
    }
    List<String> relTo = values.getOrDefault(RELEASABLE_TO, List.of());
    boolean noforn = caveats.contains("NOFORN");
    if (noforn && !relTo.isEmpty()) {
      throw TdfException.policyInvalid("NOFORN and releasable-to exclude each other");
    }
    Releasability releasability = noforn ? Releasability.noforn() : relTo.isEmpty() ? Releasability.open() : Releasability.relTo(relTo);
    try {
      List<PartyCode> originators = new ArrayList<>();
      for (String party : values.getOrDefault(ORIGINATOR, List.of())) {
        originators.add(PartyCode.of(party));
      }
      Set<Topic> topics = new TreeSet<>();
      for (String slug : values.getOrDefault(TOPIC, List.of())) {
        topics.add(Topic.of(slug));
      }
      return new PolicyLabel(originators, new LevelRef(PartyCode.of(parties.get(0)), levels.get(0)), releasability,
          caveats.contains("ORCON"), topics);
    } catch (IllegalArgumentException e) {
      // core's InvalidInputException is an IllegalArgumentException too; its message names the value only
      throw TdfException.policyInvalid("the Pactbridge attributes do not make a label: " + e.getMessage());
    }
  }

  private static Iterable<JsonNode> array(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw TdfException.policyInvalid("body." + field + " is not an array");
    }
    return node;
  }

  private static String attribute(String name, String value) {
    return PREFIX + name + "/value/" + encode(value);
  }

  private static boolean plain(int b) {
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '_' || b == '-';
  }

  static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int unsigned = b & 0xFF;
      if (plain(unsigned)) {
        out.append((char) unsigned);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(unsigned >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(unsigned & 0xF, 16)));
      }
    }
    return out.toString();
  }

  static String decode(String text, String uri) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length()) {
        int high = Character.digit(text.charAt(i + 1), 16);
        int low = Character.digit(text.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw TdfException.policyInvalid("a bad percent escape in " + uri);
        }
        out.write(high << 4 | low);
        i += 2;
      } else if (c < 0x80 && plain(c)) {
        out.write(c);
      } else {
        throw TdfException.policyInvalid("a character that must be percent-encoded in " + uri);
      }
    }
    String value = out.toString(StandardCharsets.UTF_8);
    if (value.isEmpty() || !encode(value).equals(text)) {
      throw TdfException.policyInvalid("a value not in canonical percent-encoding in " + uri);
    }
    return value;
  }
}
