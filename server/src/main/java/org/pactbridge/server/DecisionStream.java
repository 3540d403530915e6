package org.pactbridge.server;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
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
 * Writes a decision straight to a JSON generator, byte for byte what {@code Json.decision} builds as a
 * tree (the object {@code check --json} prints); {@code DecisionStreamTest} holds the two together over
 * thousands of decisions. It exists for the decision endpoints' hot path: building the tree first
 * costs about as much as deciding. Stateless.
 */
final class DecisionStream {
  private DecisionStream() {}

  static void write(JsonGenerator out, Decision decision) throws IOException {
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

  private static void reason(JsonGenerator out, Reason reason) throws IOException {
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

  private static void route(JsonGenerator out, Route route) throws IOException {
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

  private static void party(JsonGenerator out, String field, PartyCode party) throws IOException {
    if (party != null) {
      out.writeStringField(field, party.value());
    }
  }
}
