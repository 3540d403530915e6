package org.pactbridge.server;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Streams that compute the SHA-256 of the bytes that pass through them, as they pass: the request body
 * of a decision batch as it was received and its answer as it was sent, for the batch's audit entry,
 * without holding either whole. The input side also enforces the body limit while reading (a body sent
 * without {@code Content-Length}, or longer than it said, is cut off at the limit with {@code 413
 * BODY_TOO_LARGE}). Not thread-safe: one request's streams, used by its handler's thread.
 */
final class DigestingStreams {
  private DigestingStreams() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** {@code in}, hashed and counted, refusing more than {@code limit} bytes. */
  static Input input(InputStream in, long limit) {
    return new Input(in, limit);
  }

  /** {@code out}, hashed and counted. */
  static Output output(OutputStream out) {
    return new Output(out);
  }

  /** An input stream that hashes and counts what is read from it, and refuses bytes past the limit. */
  static final class Input extends FilterInputStream {
    private final MessageDigest digest = sha256();
    private final long limit;
    private long count;

    private Input(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
        digest.update((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
        digest.update(buffer, offset, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // Skipped bytes must be hashed too: read them.
      byte[] buffer = new byte[(int) Math.min(n, 8192)];
      long skipped = 0;
      while (skipped < n) {
        int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
        if (read < 0) {
          break;
        }
        skipped += read;
      }
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    private void counted(int n) {
      count += n;
      if (count > limit) {
        throw ApiProblem.bodyTooLarge(limit);
      }
    }

    /** The bytes read so far. */
    long count() {
      return count;
    }

    /** Reads the rest of the stream (so that the digest covers the whole body) and returns the SHA-256 of everything read. */
    byte[] finish() throws IOException {
      byte[] buffer = new byte[8192];
      while (read(buffer, 0, buffer.length) >= 0) {
        // the digest takes them
      }
      return digest.digest();
    }
  }

  /** An output stream that hashes and counts what is written to it. */
  static final class Output extends FilterOutputStream {
    private final MessageDigest digest = sha256();
    private long count;

    private Output(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      digest.update((byte) b);
      count++;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
      out.write(buffer, offset, length);
      digest.update(buffer, offset, length);
      count += length;
    }

    /** The bytes written so far. */
    long count() {
      return count;
    }

    /** The SHA-256 of everything written; call once, after the last write. */
    byte[] digest() {
      return digest.digest();
    }
  }
}
