package org.pactbridge.tdf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One key access object as read from a manifest (or from a rewrap request, later): its position, type,
 * service URL, key id and split id (absent: {@code null}), the wrapped key, the policy binding's text,
 * and the encrypted metadata (absent: {@code null}). Values are as written: nothing here is verified.
 */
public record KeyAccess(
    int index, String type, String url, String protocol, String kid, String sid, String wrappedKey, String bindingAlg,
    String bindingHash, String encryptedMetadata) {

  /** The split this object holds a share of; objects with the same split are alternatives. */
  public String split() {
    return sid == null ? "" : sid;
  }

  public Optional<String> findKid() {
    return Optional.ofNullable(kid);
  }

  /**
   * Reads one key access object from its JSON; {@code MANIFEST_INVALID} naming it when a required field is
   * missing. The legacy form's policy binding as a bare string is read as an HS256 hash.
   */
  public static KeyAccess fromJson(JsonNode node, int index) {
    String part = "keyAccess[" + index + "]";
    if (node == null || !node.isObject()) {
      throw TdfException.manifestInvalid(part, "is not an object");
    }
    JsonNode binding = node.get("policyBinding");
    String alg;
    String hash;
    if (binding != null && binding.isTextual()) {
      alg = "HS256";
      hash = binding.textValue();
    } else if (binding != null && binding.isObject()) {
      alg = required(binding, "alg", part + ".policyBinding");
      hash = required(binding, "hash", part + ".policyBinding");
    } else {
      throw TdfException.manifestInvalid(part + ".policyBinding", "is missing");
    }
    return new KeyAccess(index, required(node, "type", part), required(node, "url", part), optional(node, "protocol"),
        optional(node, "kid"), optional(node, "sid"), required(node, "wrappedKey", part), alg, hash, optional(node, "encryptedMetadata"));
  }

  /** Reads a key access object from its JSON text, as a rewrap request carries it. */
  public static KeyAccess parse(String json) {
    try {
      return fromJson(Json.MAPPER.readTree(json), 0);
    } catch (java.io.IOException e) {
      throw TdfException.manifestInvalid("keyAccess", "is not JSON");
    }
  }

  private static String required(JsonNode node, String field, String part) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw TdfException.manifestInvalid(part + "." + field, "is missing or not a string");
    }
    return value.textValue();
  }

  private static String optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() && !value.textValue().isEmpty() ? value.textValue() : null;
  }
}
