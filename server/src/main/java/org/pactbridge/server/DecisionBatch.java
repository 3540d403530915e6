package org.pactbridge.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pactbridge.api.json.ApiWriter;
import org.pactbridge.api.json.Json;
import org.pactbridge.api.request.Bodies;
import org.pactbridge.api.request.DecisionBody;
import org.pactbridge.api.request.RequestException;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.user.User;
import org.pactbridge.service.Decisions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch of release decisions read and answered as streams, so that its cost is the engine's plus the
 * parser's: the body goes through Jackson's streaming parser once, each request bound on its own as it
 * arrives ({@link Bodies#readValue}) with the {@link JsonLimits} checked on the same pass, and the answer
 * is written by the streaming generator straight to the response. Neither body is ever held whole, nor
 * built as a tree. Two forms:
 *
 * <ul>
 *   <li>{@code application/json}: {@code {"requests": [ … ]}} answered {@code {"decisions": [ … ]}}, the
 *       same bytes as before the body was streamed;
 *   <li>{@code application/x-ndjson} (JSON Lines): one request object a line, answered one decision
 *       object a line, each ended by a newline.
 * </ul>
 *
 * <p>Every request is read and translated before the first byte of the answer is written (the requests
 * are kept as core requests, not as text): a bad request, a batch over the limit or a body over the limit
 * is still one problem+json refusing the whole batch, naming the request's index (and its line, for JSON
 * Lines). The SHA-256 of the body as received and of the answer as written are computed as the bytes
 * pass ({@link DigestingStreams}) and handed to the {@link BatchAnswered.Listener} before the response is
 * completed.
 */
final class DecisionBatch {
  static final String NDJSON = "application/x-ndjson";
  private static final Logger LOG = LoggerFactory.getLogger(DecisionBatch.class);
  private static final JsonFactory READ = Bodies.STRICT.getFactory();
  private static final JsonFactory WRITE = Json.MAPPER.getFactory();
  private static final ObjectReader DECISION = Bodies.streamReaderFor(DecisionBody.class);
  private static final Outcome[] OUTCOMES = Outcome.values();

  private final Registry registry;
  private final Decisions service;
  private final JsonLimits limits;
  private final int maxBatch;
  private final Map<Outcome, Counter> counters;
  private final BatchAnswered.Listener listener;

  DecisionBatch(Registry registry, Decisions service, int maxBatch, Map<Outcome, Counter> counters, BatchAnswered.Listener listener) {
    this.registry = registry;
    this.service = service;
    this.maxBatch = maxBatch;
    this.limits = JsonLimits.DEFAULT.withList("requests", maxBatch);
    this.counters = counters;
    this.listener = listener;
  }

  /** The requests read so far, in order. */
  private static final class Requests {
    ReleaseRequest[] items = new ReleaseRequest[64];
    int size;

    void add(ReleaseRequest request) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = request;
    }
  }

  /**
   * Reads a batch in the JSON form from {@code body}, which starts at the body's first byte and whose
   * first field is known to be {@code requests}, and answers it.
   */
  void answerJson(Context ctx, User caller, InputStream body, DigestingStreams.Input received, Instant now) {
    Requests requests = new Requests();
    try (JsonParser parser = limits.limited(READ.createParser(body))) {
      parser.nextToken(); // {
      parser.nextToken(); // "requests"
      JsonToken token = parser.nextToken();
      if (token == JsonToken.START_ARRAY) {
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
          readOne(parser, token, requests, "/requests/" + requests.size, now, -1);
        }
      } else if (token == JsonToken.START_OBJECT) {
        readOne(parser, token, requests, "/requests/0", now, -1); // one request given without the array, as the strict reader takes it
      } else if (token != JsonToken.VALUE_NULL) {
        throw Bodies.wrongTypeAt("/requests", "an array of objects");
      }
      if ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        throw Bodies.unknownField("/" + name, name, List.of("requests"));
      }
      if (token != JsonToken.END_OBJECT) {
        throw Bodies.malformedAt("not valid JSON", parser.currentTokenLocation());
      }
      if (parser.nextToken() != null) {
        throw Bodies.malformedAt("content after the JSON value", parser.currentTokenLocation());
      }
    } catch (RequestException refused) {
      throw ApiProblem.badRequest(refused);
    } catch (JsonProcessingException malformed) {
      throw ApiProblem.badRequest(Bodies.refusal(malformed, ""));
    } catch (IOException unreadable) {
      throw unreadable();
    }
    answer(ctx, caller, requests, false, received);
  }

  /** Reads a batch in the JSON Lines form, one request object a line, and answers it in the same form. */
  void answerLines(Context ctx, User caller, DigestingStreams.Input received, Instant now) {
    Requests requests = new Requests();
    try (JsonParser parser = limits.limited(READ.createParser((InputStream) received))) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        int line = parser.currentTokenLocation().getLineNr();
        if (requests.size == maxBatch) {
          throw ApiProblem.tooManyRequests(countRest(parser, requests.size), maxBatch);
        }
        readOne(parser, token, requests, "", now, line);
      }
    } catch (RequestException refused) {
      throw ApiProblem.badRequest(refused);
    } catch (JsonProcessingException malformed) {
      throw ApiProblem.badRequest(Bodies.refusal(malformed, ""));
    } catch (IOException unreadable) {
      throw unreadable();
    }
    if (requests.size == 0) {
      throw ApiProblem.emptyBody();
    }
    answer(ctx, caller, requests, true, received);
  }

  /** Binds the request at {@code token} and translates it; a refusal names its index ({@code line}: its line in JSON Lines, or -1). */
  private void readOne(JsonParser parser, JsonToken token, Requests requests, String base, Instant now, int line) {
    int index = requests.size;
    if (token != JsonToken.START_OBJECT) {
      throw ApiProblem.badRequest(Bodies.wrongTypeAt(base.isEmpty() ? "/" : base, line < 0 ? "an object" : "an object (line " + line + ")"));
    }
    DecisionBody body = Bodies.readValue(parser, DECISION, base);
    try {
      requests.add(body.toRequest(registry, now));
    } catch (RequestException e) {
      String where = line < 0 ? "requests[" + index + "]: " : "requests[" + index + "] (line " + line + "): ";
      Map<String, Object> extensions = line < 0 ? Map.of("index", index, "token", String.valueOf(e.token()))
          : Map.of("index", index, "line", line, "token", String.valueOf(e.token()));
      throw new ApiProblem(400, e.code(), "Bad input", where + Excerpt.detail(e.getMessage(), e.token()), extensions);
    }
  }

  /** How many values the stream holds from the one at the parser to its end, reading no more of each than its tokens. */
  private static int countRest(JsonParser parser, int before) {
    int count = before + 1;
    try {
      parser.skipChildren();
      while (parser.nextToken() != null) {
        count++;
        parser.skipChildren();
      }
    } catch (IOException brokenLater) {
      // the count so far is enough to refuse
    }
    return count;
  }

  private static ApiProblem unreadable() {
    return new ApiProblem(400, "BODY_UNREADABLE", "Body unreadable", "the request body could not be read");
  }

  /** Decides each request in order, streaming the answer, then tells the listener and lets the response complete. */
  private void answer(Context ctx, User caller, Requests requests, boolean lines, DigestingStreams.Input received) {
    byte[] requestDigest;
    try {
      requestDigest = received.finish();
    } catch (IOException e) {
      throw unreadable();
    }
    int[] counts = new int[OUTCOMES.length];
    Decisions.Batch decided = service.batch(caller);
    ctx.status(200).contentType(lines ? NDJSON : Http.JSON);
    DigestingStreams.Output sent;
    try {
      OutputStream raw = ctx.res().getOutputStream();
      sent = DigestingStreams.output(raw);
      try (JsonGenerator out = WRITE.createGenerator(sent)) {
        out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (lines) {
          out.setRootValueSeparator(null);
          for (int i = 0; i < requests.size; i++) {
            Decision decision = decided.decide(requests.items[i]);
            counts[decision.outcome().ordinal()]++;
            ApiWriter.decision(out, decision);
            out.writeRaw('\n');
          }
        } else {
          out.writeStartObject();
          out.writeArrayFieldStart("decisions");
          for (int i = 0; i < requests.size; i++) {
            Decision decision = decided.decide(requests.items[i]);
            counts[decision.outcome().ordinal()]++;
            ApiWriter.decision(out, decision);
          }
          out.writeEndArray();
          out.writeEndObject();
        }
      }
    } catch (IOException clientGone) {
      LOG.warn("a decision batch's answer could not be written ({})", clientGone.getClass().getSimpleName());
      return;
    }
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    for (Outcome outcome : OUTCOMES) {
      if (counts[outcome.ordinal()] > 0) {
        counters.get(outcome).increment(counts[outcome.ordinal()]);
        outcomes.put(outcome, counts[outcome.ordinal()]);
      }
    }
    BatchAnswered batch = new BatchAnswered(caller, requests.size, outcomes, lines ? NDJSON : Http.JSON, received.count(), requestDigest, sent.count(),
        sent.digest());
    try {
      // the batch's one DECISION_BATCH entry, with the digests of both bodies as they crossed the wire,
      // committed before the response completes
      decided.record(batch.requestSha256Hex(), batch.responseSha256Hex());
      listener.answered(batch);
    } catch (RuntimeException failure) {
      // The answer is written but not complete: abort it, so no client holds a whole answer that was not recorded.
      LOG.error("a decision batch's listener failed ({}); the answer is aborted", failure.getClass().getName());
      org.eclipse.jetty.server.Request.getBaseRequest(ctx.req()).getHttpChannel().abort(failure);
    }
  }
}
