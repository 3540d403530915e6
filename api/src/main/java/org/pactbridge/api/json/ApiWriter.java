package org.pactbridge.api.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.release.ConsentNeed;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Hop;
import org.pactbridge.core.release.Reason;
import org.pactbridge.core.release.Route;
import org.pactbridge.core.time.DateSpec;

/**
 * The one writer of a decision, a route and a problem: the objects of docs/decision-json.md and the
 * RFC 9457 problem of docs/server.md. {@code check --json}, {@code POST /api/v1/decisions} (single and
 * batch), {@code /api/v1/routes}, the item decisions, what-if and coverage all write through here,
 * streamed ({@link #decision(JsonGenerator, Decision)}) or as a tree ({@link Json#decision}, built by
 * replaying the same stream), so their bytes cannot drift apart; golden files under
 * api/src/test/resources pin them.
 *
 * <p>Stateless and thread-safe. The streamed form is the decision endpoints' hot path: building a tree
 * first costs about as much as deciding.
 */
public final class ApiWriter {
  private ApiWriter() {}

  /** The decision object: outcome, instant, recipient level, agreements, reasons, consents needed, routes. */
  public static void decision(JsonGenerator out, Decision decision) throws IOException {
    out.writeStartObject();
    out.writeStringField("decision", decision.outcome().name());
    out.writeStringField("at", DateSpec.format(decision.at()));
    out.writeFieldName("recipientLevel");
    if (decision.recipientLevel().isPresent()) {
      out.writeString(decision.recipientLevel().get().qualified());
    } else {
      out.writeNull();
    }
    out.writeArrayFieldStart("agreements");
    for (AgreementId id : decision.agreements()) {
      out.writeString(id.value());
    }
    out.writeEndArray();
    out.writeArrayFieldStart("reasons");
    for (Reason reason : decision.reasons()) {
      reason(out, reason);
    }
    out.writeEndArray();
    if (decision instanceof Decision.ConsentRequired required) {
      out.writeArrayFieldStart("consentsRequired");
      for (ConsentNeed need : required.needed()) {
        out.writeStartObject();
        out.writeStringField("from", need.from().value());
        out.writeStringField("hopFrom", need.hopFrom().value());
        out.writeStringField("hopTo", need.hopTo().value());
        out.writeBooleanField("orcon", need.orcon());
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    out.writeArrayFieldStart("routes");
    for (Route route : decision.routes()) {
      route(out, route);
    }
    out.writeEndArray();
    out.writeEndObject();
  }

  /** One reason: code, message, effect, rule, then the agreement, parties, level and instant it names. */
  public static void reason(JsonGenerator out, Reason reason) throws IOException {
    out.writeStartObject();
    out.writeStringField("code", reason.code().name());
    out.writeStringField("message", reason.message());
    out.writeStringField("effect", reason.effect().name());
    out.writeNumberField("rule", reason.rule());
    if (reason.agreement() != null) {
      out.writeStringField("agreement", reason.agreement().value());
    }
    party(out, "from", reason.from());
    party(out, "to", reason.to());
    party(out, "party", reason.party());
    Level level = reason.level();
    if (level != null) {
      out.writeStringField("level", level.qualified());
    }
    if (reason.instant() != null) {
      out.writeStringField("instant", DateSpec.format(reason.instant()));
    }
    out.writeEndObject();
  }

  /** One relay route: its hops, the consents it needs, the arrangement that sanctions it (or null). */
  public static void route(JsonGenerator out, Route route) throws IOException {
    out.writeStartObject();
    out.writeArrayFieldStart("hops");
    for (Hop hop : route.hops()) {
      out.writeStartObject();
      out.writeStringField("from", hop.from().value());
      out.writeStringField("to", hop.to().value());
      out.writeStringField("agreement", hop.agreement().value());
      out.writeStringField("level", hop.level().qualified());
      out.writeBooleanField("assumed", hop.assumed());
      out.writeArrayFieldStart("sources");
      for (String source : hop.sources()) {
        out.writeString(source);
      }
      out.writeEndArray();
      out.writeEndObject();
    }
    out.writeEndArray();
    out.writeArrayFieldStart("consents");
    for (PartyCode party : route.consents()) {
      out.writeString(party.value());
    }
    out.writeEndArray();
    out.writeFieldName("sanctionedBy");
    if (route.sanctionedBy() == null) {
      out.writeNull();
    } else {
      out.writeString(route.sanctionedBy().value());
    }
    out.writeEndObject();
  }

  /**
   * An RFC 9457 problem: {@code type} (a URN made of the code), {@code title}, {@code status},
   * {@code detail}, {@code instance} when known, the stable {@code code}, then the extensions in their
   * order. The caller has already made every string safe to repeat (the server's excerpts): this
   * writes what it is given.
   */
  public record Problem(int status, String code, String title, String detail, String instance, Map<String, Object> extensions) {}

  /** The problem document's bytes (UTF-8). */
  public static byte[] problem(Problem problem) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("type", "urn:pactbridge:problem:" + problem.code().toLowerCase(Locale.ROOT).replace('_', '-'));
    node.put("title", problem.title());
    node.put("status", problem.status());
    node.put("detail", problem.detail());
    if (problem.instance() != null) {
      node.put("instance", problem.instance());
    }
    node.put("code", problem.code());
    for (Map.Entry<String, Object> extension : problem.extensions().entrySet()) {
      node.set(extension.getKey(), Json.MAPPER.valueToTree(extension.getValue()));
    }
    try {
      return Json.MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a problem", e);
    }
  }

  /** What one of the streamed writers writes, as a tree, for a document that embeds it. */
  static ObjectNode tree(Streamed writer) {
    try (TokenBuffer buffer = new TokenBuffer(Json.MAPPER, false)) {
      writer.writeTo(buffer);
      return Json.MAPPER.readTree(buffer.asParser(Json.MAPPER));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot buffer JSON", e);
    }
  }

  /** One of the streamed writers, bound to its value. */
  @FunctionalInterface
  interface Streamed {
    void writeTo(JsonGenerator out) throws IOException;
  }

  private static void party(JsonGenerator out, String field, PartyCode party) throws IOException {
    if (party != null) {
      out.writeStringField(field, party.value());
    }
  }
}
