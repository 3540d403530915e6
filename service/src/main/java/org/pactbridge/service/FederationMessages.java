package org.pactbridge.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.pactbridge.core.consent.ConsentAnswer;
import org.pactbridge.core.consent.ConsentCondition;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Reason;

/**
 * The JSON that travels between nodes for transfers and consents (docs/federation.md, "Transfers"): the
 * transfer body and its signed envelope, the receipt, the consent request and the signed consent answer.
 * Each reader is strict about what it needs and names the field that is wrong; none of them carries item
 * content or a title. Plain static functions over Jackson trees.
 */
final class FederationMessages {
  static final String TRANSFERS_PATH = "/federation/v1/transfers";
  static final String CONSENT_REQUESTS_PATH = "/federation/v1/consent-requests";
  static final String CONSENT_ANSWERS_PATH = "/federation/v1/consent-answers";
  /** The transfer body's media type: JSON holding the signed envelope and the archive. */
  static final String TRANSFER_TYPE = "application/vnd.pactbridge.transfer+json";
  static final String JSON = "application/json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FederationMessages() {}

  /** A reason as transfers carry them: a code from reason-codes.md (or this file's own) and a sentence. */
  record TransferReasonJson(String code, String message) {}

  /**
   * What the sending node signs for one transfer: who sends to whom, which item by which route, the
   * archive's SHA-256, the key that signed the archive's assertions, and the consents that travel with it
   * (each a JWS signed by an originator's node).
   */
  record Envelope(String transfer, String item, PartyCode sender, PartyCode receiver, Instant sentAt, String archiveSha256,
      String assertionKid, String assertionKey, List<PartyCode> route, List<String> consents) {}

  /** The receiving node's signed answer to one transfer. */
  record ReceiptPayload(String receipt, String transfer, String item, PartyCode sender, PartyCode receiver, String outcome,
      List<Transfers.TransferReason> reasons, Instant at, String archiveSha256) {}

  /** A consent request from a holder's node to an originator's. */
  record ConsentAsk(String request, String item, PartyCode originator, PartyCode holder, PartyCode recipient, Instant requestedAt,
      String transfer) {}

  /** An originator's answer as its node signs it. */
  record ConsentPayload(String request, String item, PartyCode originator, PartyCode holder, PartyCode recipient, ConsentAnswer answer) {}

  static byte[] envelope(Envelope envelope) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("v", 1).put("transfer", envelope.transfer()).put("item", envelope.item()).put("sender", envelope.sender().value())
        .put("receiver", envelope.receiver().value()).put("sentAt", envelope.sentAt().toString()).put("archiveSha256", envelope.archiveSha256());
    node.putObject("assertionKey").put("kid", envelope.assertionKid()).put("spki", envelope.assertionKey());
    ArrayNode route = node.putArray("route");
    envelope.route().forEach(party -> route.add(party.value()));
    ArrayNode consents = node.putArray("consents");
    envelope.consents().forEach(consents::add);
    return bytes(node);
  }

  static Envelope readEnvelope(byte[] payload) {
    JsonNode node = tree(payload, "envelope");
    if (node.path("v").asInt() != 1) {
      throw bad("envelope.v", "version 1 is the one this node reads");
    }
    List<PartyCode> route = new ArrayList<>();
    for (JsonNode party : array(node, "route")) {
      route.add(party(party.asText(), "envelope.route"));
    }
    List<String> consents = new ArrayList<>();
    for (JsonNode consent : array(node, "consents")) {
      consents.add(consent.asText());
    }
    JsonNode key = node.path("assertionKey");
    return new Envelope(text(node, "transfer"), text(node, "item"), party(text(node, "sender"), "envelope.sender"),
        party(text(node, "receiver"), "envelope.receiver"), instant(node, "sentAt"), text(node, "archiveSha256"), text(key, "kid"),
        text(key, "spki"), route, consents);
  }

  /** The sender named in an envelope's payload, read before its signature is checked (to name the signer to check it with). */
  static PartyCode peekSender(String jws) {
    return party(text(tree(jwsPayload(jws), "envelope"), "sender"), "envelope.sender");
  }

  static byte[] transferBody(String envelopeJws, byte[] archive) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("envelope", envelopeJws).put("archive", Base64.getEncoder().encodeToString(archive));
    return bytes(node);
  }

  /** The transfer body's two parts: the envelope JWS and the archive's bytes. */
  record TransferBody(String envelopeJws, byte[] archive) {}

  static TransferBody readTransferBody(byte[] body) {
    JsonNode node = tree(body, "transfer body");
    try {
      return new TransferBody(text(node, "envelope"), Base64.getDecoder().decode(text(node, "archive")));
    } catch (IllegalArgumentException e) {
      throw bad("archive", "not Base64");
    }
  }

  static byte[] receipt(ReceiptPayload receipt) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("receipt", receipt.receipt()).put("transfer", receipt.transfer()).put("item", receipt.item())
        .put("sender", receipt.sender().value()).put("receiver", receipt.receiver().value()).put("outcome", receipt.outcome());
    ArrayNode reasons = node.putArray("reasons");
    receipt.reasons().forEach(reason -> reasons.addObject().put("code", reason.code()).put("message", reason.message()));
    node.put("at", receipt.at().toString()).put("archiveSha256", receipt.archiveSha256());
    return bytes(node);
  }

  static ReceiptPayload readReceipt(byte[] payload) {
    JsonNode node = tree(payload, "receipt");
    return new ReceiptPayload(text(node, "receipt"), text(node, "transfer"), text(node, "item"), party(text(node, "sender"), "receipt.sender"),
        party(text(node, "receiver"), "receipt.receiver"), text(node, "outcome"), readReasons(node.path("reasons")), instant(node, "at"),
        text(node, "archiveSha256"));
  }

  /** The answer body of a transfer: the receipt JWS. */
  static byte[] receiptBody(String receiptJws) {
    return bytes(MAPPER.createObjectNode().put("receipt", receiptJws));
  }

  static String readReceiptBody(byte[] body) {
    return text(tree(body, "receipt body"), "receipt");
  }

  static byte[] consentAsk(ConsentAsk ask) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("request", ask.request()).put("item", ask.item()).put("originator", ask.originator().value()).put("holder", ask.holder().value())
        .put("recipient", ask.recipient().value()).put("requestedAt", ask.requestedAt().toString()).put("transfer", ask.transfer());
    return bytes(node);
  }

  static ConsentAsk readConsentAsk(byte[] body) {
    JsonNode node = tree(body, "consent request");
    return new ConsentAsk(text(node, "request"), text(node, "item"), party(text(node, "originator"), "originator"),
        party(text(node, "holder"), "holder"), party(text(node, "recipient"), "recipient"), instant(node, "requestedAt"), text(node, "transfer"));
  }

  static byte[] consent(ConsentPayload consent) {
    ObjectNode node = MAPPER.createObjectNode();
    ConsentAnswer answer = consent.answer();
    node.put("request", consent.request()).put("item", consent.item()).put("originator", consent.originator().value())
        .put("holder", consent.holder().value()).put("recipient", consent.recipient().value()).put("verdict", answer.verdict().name())
        .put("answeredAt", answer.answeredAt().toString());
    ArrayNode conditions = node.putArray("conditions");
    answer.conditions().forEach(condition -> conditions.addObject().put("kind", condition.kind()).put("value", condition.value()));
    return bytes(node);
  }

  static ConsentPayload readConsent(byte[] payload) {
    JsonNode node = tree(payload, "consent");
    List<ConsentCondition> conditions = new ArrayList<>();
    for (JsonNode condition : array(node, "conditions")) {
      try {
        conditions.add(ConsentCondition.of(text(condition, "kind"), text(condition, "value")));
      } catch (RuntimeException e) {
        throw bad("consent.conditions", "a condition this node does not read");
      }
    }
    ConsentAnswer.Verdict verdict;
    try {
      verdict = ConsentAnswer.Verdict.valueOf(text(node, "verdict"));
    } catch (IllegalArgumentException e) {
      throw bad("consent.verdict", "GRANTED or REFUSED");
    }
    PartyCode originator = party(text(node, "originator"), "consent.originator");
    String request = text(node, "request");
    return new ConsentPayload(request, text(node, "item"), originator, party(text(node, "holder"), "consent.holder"),
        party(text(node, "recipient"), "consent.recipient"), new ConsentAnswer(request, originator, verdict, instant(node, "answeredAt"), conditions));
  }

  /** The originator named in a signed consent, read before its signature is checked. */
  static PartyCode peekOriginator(String jws) {
    return party(text(tree(jwsPayload(jws), "consent"), "originator"), "consent.originator");
  }

  static byte[] consentAnswerBody(String jws) {
    return bytes(MAPPER.createObjectNode().put("answer", jws));
  }

  static String readConsentAnswerBody(byte[] body) {
    return text(tree(body, "consent answer"), "answer");
  }

  static List<Transfers.TransferReason> reasons(Decision decision) {
    List<Transfers.TransferReason> out = new ArrayList<>();
    for (Reason reason : decision.reasons()) {
      out.add(new Transfers.TransferReason(reason.code().name(), reason.message()));
    }
    return out;
  }

  static String reasonsJson(List<Transfers.TransferReason> reasons) {
    ArrayNode array = MAPPER.createArrayNode();
    reasons.forEach(reason -> array.addObject().put("code", reason.code()).put("message", reason.message()));
    return new String(bytes(array), StandardCharsets.UTF_8);
  }

  static List<Transfers.TransferReason> readReasonsJson(String json) {
    return readReasons(tree(json.getBytes(StandardCharsets.UTF_8), "reasons"));
  }

  private static List<Transfers.TransferReason> readReasons(JsonNode array) {
    List<Transfers.TransferReason> out = new ArrayList<>();
    if (!array.isArray()) {
      throw bad("reasons", "an array");
    }
    for (JsonNode reason : array) {
      out.add(new Transfers.TransferReason(text(reason, "code"), reason.path("message").asText("")));
    }
    return out;
  }

  static String sha256Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The payload of a compact JWS, unverified: only to learn whom to verify it against. */
  static byte[] jwsPayload(String jws) {
    String[] parts = jws == null ? new String[0] : jws.split("\\.", -1);
    if (parts.length != 3) {
      throw bad("jws", "a compact JWS has three parts");
    }
    try {
      return Base64.getUrlDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw bad("jws", "the payload is not Base64url");
    }
  }

  private static JsonNode tree(byte[] bytes, String what) {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || !(node.isObject() || node.isArray())) {
        throw bad(what, "a JSON object");
      }
      return node;
    } catch (java.io.IOException e) {
      throw bad(what, "not JSON");
    }
  }

  private static Iterable<JsonNode> array(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isArray()) {
      throw bad(field, "an array");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.textValue().isEmpty() || value.textValue().length() > 200_000_000) {
      throw bad(field, "a non-empty string");
    }
    return value.textValue();
  }

  private static Instant instant(JsonNode node, String field) {
    try {
      return Instant.parse(text(node, field));
    } catch (DateTimeParseException e) {
      throw bad(field, "an ISO 8601 instant");
    }
  }

  private static PartyCode party(String code, String field) {
    try {
      return PartyCode.of(code);
    } catch (RuntimeException e) {
      throw bad(field, "a party code");
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing JSON", e);
    }
  }

  private static ServiceException bad(String field, String expected) {
    return ServiceException.badInput("MESSAGE_INVALID", "the federation message's " + field + " is not " + expected);
  }
}
