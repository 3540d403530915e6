package org.pactbridge.server;

import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.user.User;

/**
 * One decision batch as it was answered: who asked, how many decisions and how many of each outcome, the
 * media type, and the SHA-256 of the request body as received and of the answer's body as sent (before
 * any content coding), each with its length. This is what the batch's one audit entry records: anyone
 * who holds the two bodies can show that a decision was part of the batch. No request field and no
 * decision is in it, so it may be logged.
 */
public record BatchAnswered(User caller, int count, Map<Outcome, Integer> outcomes, String mediaType, long requestBytes, byte[] requestSha256,
    long responseBytes, byte[] responseSha256) {

  public BatchAnswered {
    outcomes = Map.copyOf(outcomes.isEmpty() ? new EnumMap<>(Outcome.class) : new EnumMap<>(outcomes));
    requestSha256 = requestSha256.clone();
    responseSha256 = responseSha256.clone();
  }

  @Override
  public byte[] requestSha256() {
    return requestSha256.clone();
  }

  @Override
  public byte[] responseSha256() {
    return responseSha256.clone();
  }

  /** The request body's SHA-256 in lower-case hex. */
  public String requestSha256Hex() {
    return HexFormat.of().formatHex(requestSha256);
  }

  /** The answer body's SHA-256 in lower-case hex. */
  public String responseSha256Hex() {
    return HexFormat.of().formatHex(responseSha256);
  }

  /**
   * Told of each batch once its answer is written in full and before the response is completed, so a
   * client that has the whole answer knows the listener returned. A listener that throws aborts the
   * response: the client sees a broken answer, never a complete one that was not recorded. The audit
   * log's batch entry hooks in here ({@link NodeServer} passes {@link #NONE} until it does).
   */
  @FunctionalInterface
  public interface Listener {
    Listener NONE = batch -> { };

    void answered(BatchAnswered batch);
  }
}
