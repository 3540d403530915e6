package org.pactbridge.tdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pactbridge.tdf.TdfFixtures.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.pactbridge.core.item.ItemTitle;

/**
 * The two laws of issue 19, with bounded tries: export then decrypt is the identity for payloads from
 * 0 bytes to 64 MiB, segment edges included; and any change to a bound part (docs/ztdf.md lists them)
 * is detected. Large payloads are generated and checked as streams, through temporary files: memory
 * stays at a segment or two whatever the size.
 */
class TdfProperties {
  private static final long MAX = 64L * 1024 * 1024;

  /** A segment size and a payload size; half the sizes sit on a segment edge (k·segment − 1, k·segment, k·segment + 1). */
  @Provide
  Arbitrary<Tuple2<Integer, Long>> sizes() {
    return Arbitraries.of(4096, 65536, TdfWriter.DEFAULT_SEGMENT_SIZE).flatMap(segment -> {
      // the manifest lists every segment: keep it under the reader's 1 MiB
      long max = Math.min(MAX, segment * 6000L);
      Arbitrary<Long> edge = Combinators.combine(Arbitraries.longs().between(0, max / segment), Arbitraries.of(-1L, 0L, 1L))
          .as((k, d) -> Math.max(0, Math.min(max, k * segment + d)));
      Arbitrary<Long> any = Arbitraries.longs().between(0, max);
      return Arbitraries.oneOf(edge, any, Arbitraries.of(0L, max)).map(size -> Tuple.of(segment, size));
    });
  }

  @Property(tries = 14)
  void exportThenDecryptIsTheIdentity(@ForAll("sizes") Tuple2<Integer, Long> sizes, @ForAll long seed) throws Exception {
    int segment = sizes.get1();
    long size = sizes.get2();
    Path file = Files.createTempFile("tdf-property", ".tdf");
    try {
      MessageDigest written = MessageDigest.getInstance("SHA-256");
      try (OutputStream out = Files.newOutputStream(file)) {
        writer().withSegmentSize(segment).write(content(ItemTitle.of(TITLE)),
            new java.security.DigestInputStream(new GeneratedStream(size, seed), written), out);
      }
      MessageDigest read = MessageDigest.getInstance("SHA-256");
      try (TdfArchive tdf = TdfArchive.open(file)) {
        tdf.verifyAssertions(assertionKeys(), null);
        byte[] key = tdf.payloadKey(kas()::unwrap);
        assertThat(tdf.title(key).value()).isEqualTo(TITLE);
        long count = tdf.decrypt(key, new java.security.DigestOutputStream(OutputStream.nullOutputStream(), read));
        assertThat(count).isEqualTo(size);
        assertThat(tdf.segmentCount()).isEqualTo(Math.max(1, (int) ((size + segment - 1) / segment)));
      }
      assertThat(read.digest()).isEqualTo(written.digest());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The bound parts of an archive, each with how to change it. */
  enum BoundPart {
    PAYLOAD_BYTE, SEGMENT_HASH, SEGMENT_SIZE, ROOT_SIGNATURE, POLICY, POLICY_BINDING, WRAPPED_KEY, ENCRYPTED_TITLE,
    ASSERTION_STATEMENT, ASSERTION_FIELD, ASSERTION_SIGNATURE
  }

  @Property(tries = 120)
  void anyChangeToABoundPartIsDetected(
      @ForAll BoundPart part, @ForAll("smallSizes") int size, @ForAll long seed) {
    byte[] archive = write(writer().withSegmentSize(1024), randomBytes(size, seed));
    SplittableRandom random = new SplittableRandom(seed);
    byte[] tampered = switch (part) {
      case PAYLOAD_BYTE -> TdfAttackTest.rewrite(archive, manifest -> { }, payload -> {
        payload[random.nextInt(payload.length)] ^= (byte) (1 << random.nextInt(8));
        return payload;
      });
      case SEGMENT_HASH -> edit(archive, manifest -> flipBase64((ObjectNode) manifest.at("/encryptionInformation/integrityInformation/segments/"
          + random.nextInt(manifest.at("/encryptionInformation/integrityInformation/segments").size())), "hash", random));
      case SEGMENT_SIZE -> edit(archive, manifest -> {
        ObjectNode segment = (ObjectNode) manifest.at("/encryptionInformation/integrityInformation/segments/"
            + random.nextInt(manifest.at("/encryptionInformation/integrityInformation/segments").size()));
        int delta = random.nextBoolean() ? 1 : -1;
        segment.put("segmentSize", segment.get("segmentSize").asLong() + delta);
        segment.put("encryptedSegmentSize", segment.get("encryptedSegmentSize").asLong() + delta);
      });
      case ROOT_SIGNATURE -> edit(archive, manifest -> flipBase64(
          (ObjectNode) manifest.at("/encryptionInformation/integrityInformation/rootSignature"), "sig", random));
      case POLICY -> edit(archive, manifest -> changeChar((ObjectNode) manifest.get("encryptionInformation"), "policy", random));
      case POLICY_BINDING -> edit(archive, manifest -> flipBase64(
          (ObjectNode) manifest.at("/encryptionInformation/keyAccess/0/policyBinding"), "hash", random));
      case WRAPPED_KEY -> edit(archive, manifest -> flipBase64((ObjectNode) manifest.at("/encryptionInformation/keyAccess/0"), "wrappedKey", random));
      case ENCRYPTED_TITLE -> edit(archive, manifest -> {
        ObjectNode keyAccess = (ObjectNode) manifest.at("/encryptionInformation/keyAccess/0");
        ObjectNode metadata = (ObjectNode) readJson(Base64.getDecoder().decode(keyAccess.get("encryptedMetadata").asText()));
        flipBase64(metadata, "ciphertext", random);
        keyAccess.put("encryptedMetadata", Base64.getEncoder().encodeToString(Json.bytes(metadata)));
      });
      case ASSERTION_STATEMENT -> edit(archive, manifest -> changeChar(
          (ObjectNode) manifest.at("/assertions/" + random.nextInt(2) + "/statement"), "value", random));
      case ASSERTION_FIELD -> edit(archive, manifest -> {
        String[] fields = {"id", "type", "scope", "appliesToState"};
        changeChar((ObjectNode) manifest.at("/assertions/" + random.nextInt(2)), fields[random.nextInt(fields.length)], random);
      });
      case ASSERTION_SIGNATURE -> edit(archive, manifest -> changeChar(
          (ObjectNode) manifest.at("/assertions/" + random.nextInt(2) + "/binding"), "signature", random));
    };
    assertThatThrownBy(() -> openFully(tampered)).isInstanceOf(TdfException.class);
  }

  @Provide
  Arbitrary<Integer> smallSizes() {
    return Arbitraries.oneOf(Arbitraries.integers().between(0, 5000), Arbitraries.of(0, 1, 1023, 1024, 1025, 2048, 4096));
  }

  private static byte[] edit(byte[] archive, Consumer<ObjectNode> change) {
    return TdfAttackTest.rewrite(archive, change, payload -> payload);
  }

  private static com.fasterxml.jackson.databind.JsonNode readJson(byte[] bytes) {
    try {
      return Json.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Flips one bit of the Base64 value's bytes (or, legacy form, of its hex text) and writes it back canonically. */
  private static void flipBase64(ObjectNode node, String field, SplittableRandom random) {
    byte[] bytes = Base64.getDecoder().decode(node.get(field).asText());
    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
    node.put(field, Base64.getEncoder().encodeToString(bytes));
  }

  /** Replaces one character of a text value with another printable character. */
  private static void changeChar(ObjectNode node, String field, SplittableRandom random) {
    StringBuilder text = new StringBuilder(node.get(field).asText());
    int at = random.nextInt(text.length());
    char replacement;
    do {
      replacement = (char) ('0' + random.nextInt(75));
    } while (replacement == text.charAt(at));
    text.setCharAt(at, replacement);
    node.put(field, text.toString());
  }

  /** A deterministic pseudo-random stream of a given length, never held in memory. */
  static final class GeneratedStream extends InputStream {
    private final SplittableRandom random;
    private long remaining;

    GeneratedStream(long size, long seed) {
      this.random = new SplittableRandom(seed);
      this.remaining = size;
    }

    @Override
    public int read() {
      if (remaining <= 0) {
        return -1;
      }
      remaining--;
      return random.nextInt(256);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (remaining <= 0) {
        return -1;
      }
      int count = (int) Math.min(length, remaining);
      for (int i = 0; i < count; i++) {
        buffer[offset + i] = (byte) random.nextInt(256);
      }
      remaining -= count;
      return count;
    }
  }
}
