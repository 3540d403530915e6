package org.pactbridge.bench.tdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.tdf.AlternativeLabel;
import org.pactbridge.tdf.KasKey;
import org.pactbridge.tdf.KasUnwrap;
import org.pactbridge.tdf.LevelRef;
import org.pactbridge.tdf.PolicyLabel;
import org.pactbridge.tdf.SigningKey;
import org.pactbridge.tdf.TdfArchive;
import org.pactbridge.tdf.TdfContent;
import org.pactbridge.tdf.TdfWriter;

/**
 * ZTDF throughput: exporting a payload as an archive and decrypting an archive, each beside the JDK's own
 * AES-256-GCM doing the same segments in the same run, so that the ratio is the archive's overhead (the
 * zip, the CRC-32, the manifest, the key wrap, the checks) and not the machine.
 *
 * <ul>
 *   <li>{@code export}: {@link TdfWriter#write} of {@code sizeMiB} MiB, read from a stream that makes the
 *       bytes as it goes (no payload in memory), to a stream that discards them.</li>
 *   <li>{@code jdkEncrypt}: the same stream, the same 2 MiB segments, one {@code Cipher} AES/GCM per segment
 *       with a fresh IV, to the same discarding stream.</li>
 *   <li>{@code decrypt}: opening the archive file written in setup, unwrapping its key (RSA-OAEP), checking
 *       the root signature, and decrypting segment by segment to a discarding stream.</li>
 *   <li>{@code jdkDecrypt}: reading the same file's sealed segments with positional reads and decrypting
 *       each with AES/GCM, to the same discarding stream.</li>
 * </ul>
 *
 * <p>The warm-up is long on purpose: the JDK's AES-GCM reaches its compiled (intrinsic) speed only after
 * some hundreds of MiB have gone through it (about 40 s on the shared 2-core machine, where 64 MiB took
 * 2 s before and 60–90 ms after), and every method here spends its time in it.
 *
 * <p>MB/s = sizeMiB × 1.048576 ÷ the time per operation. Memory: run with {@code -Xmx256m} (the fork's
 * setting); a 1 GiB run fits because nothing holds the payload. The load run is the same benchmark with
 * {@code -p sizeMiB=1024 -bm ss}; docs/benchmarks.md has the commands and figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
@Warmup(iterations = 12, time = 5)
@Measurement(iterations = 5, time = 3)
public class TdfBenchmark {
  private static final int SEGMENT = TdfWriter.DEFAULT_SEGMENT_SIZE;
  private static final String KAS_URL = "https://kas.bench.example/kas";

  @Param({"64"})
  public int sizeMiB;

  private byte[] pattern;
  private TdfWriter writer;
  private TdfContent content;
  private PrivateKey kasPrivate;
  private Path archive;
  private byte[] jdkKey;
  private final SecureRandom random = new SecureRandom();

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    pattern = new byte[1 << 20];
    new Random(19).nextBytes(pattern);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair kas = generator.generateKeyPair();
    KeyPair assertion = generator.generateKeyPair();
    kasPrivate = kas.getPrivate();
    writer = TdfWriter.of(List.of(new KasKey(KAS_URL, "kas-bench", kas.getPublic())), new SigningKey("assertion-bench", assertion.getPrivate()));
    PolicyLabel label = new PolicyLabel(List.of(PartyCode.of("KOR")), new LevelRef(PartyCode.of("KOR"), "II"), Releasability.relTo(List.of("USA")),
        false, Set.of(Topic.of("dprk-missile")));
    AlternativeLabel alternative = new AlternativeLabel(PartyCode.of("USA"), new LevelRef(PartyCode.of("USA"), "SECRET"),
        AgreementId.of("ROK-USA-GSOMIA-1987"), Instant.parse("2026-12-03T00:00:00Z"));
    content = new TdfContent(label, List.of(), ItemTitle.of("benchmark"), null,
        "<originatorConfidentialityLabel xmlns=\"urn:nato:stanag:4774:confidentialitymetadatalabel:1:0\"/>", alternative);
    archive = Files.createTempFile("pactbridge-tdf-bench-", ".tdf");
    try (OutputStream out = Files.newOutputStream(archive)) {
      writer.write(content, payload(), out);
    }
    jdkKey = new byte[32];
    random.nextBytes(jdkKey);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(archive);
  }

  /** {@code sizeMiB} MiB made on the fly from a 1 MiB pattern. */
  private InputStream payload() {
    long total = (long) sizeMiB << 20;
    return new InputStream() {
      private long position;

      @Override
      public int read() {
        return position < total ? pattern[(int) (position++ & (pattern.length - 1))] & 0xff : -1;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        if (position >= total) {
          return -1;
        }
        int at = (int) (position & (pattern.length - 1));
        int count = (int) Math.min(Math.min(length, pattern.length - at), total - position);
        System.arraycopy(pattern, at, buffer, offset, count);
        position += count;
        return count;
      }
    };
  }

  /** Discards what it is given, but lets the JIT see every byte count. */
  private static OutputStream discard(Blackhole hole) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        hole.consume(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        hole.consume(length);
      }
    };
  }

  @Benchmark
  public Object export(Blackhole hole) {
    return writer.write(content, payload(), discard(hole));
  }

  @Benchmark
  public long jdkEncrypt(Blackhole hole) throws IOException, GeneralSecurityException {
    InputStream in = payload();
    OutputStream out = discard(hole);
    byte[] plain = new byte[SEGMENT];
    byte[] sealed = new byte[SEGMENT + 28];
    byte[] iv = new byte[12];
    long total = 0;
    while (true) {
      int length = in.readNBytes(plain, 0, SEGMENT);
      if (length == 0) {
        return total;
      }
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(jdkKey, "AES"), new GCMParameterSpec(128, iv));
      System.arraycopy(iv, 0, sealed, 0, 12);
      int written = cipher.doFinal(plain, 0, length, sealed, 12);
      out.write(sealed, 0, 12 + written);
      total += length;
    }
  }

  @Benchmark
  public long decrypt(Blackhole hole) {
    try (TdfArchive opened = TdfArchive.open(archive)) {
      byte[] key = opened.payloadKey(new KasUnwrap(KAS_URL, kid -> Optional.of(kasPrivate))::unwrap);
      return opened.decrypt(key, discard(hole));
    }
  }

  /**
   * The floor under {@code decrypt}: a file of the same payload in the same sealed segments ({@link
   * JdkFile}, written in setup under a key of its own), read with positional reads into one heap buffer and
   * decrypted segment by segment with AES/GCM.
   */
  @Benchmark
  public long jdkDecrypt(JdkFile file, Blackhole hole) throws IOException, GeneralSecurityException {
    OutputStream out = discard(hole);
    ByteBuffer sealed = ByteBuffer.allocate(SEGMENT + 28);
    byte[] plain = new byte[SEGMENT];
    long total = 0;
    try (FileChannel channel = FileChannel.open(file.path, StandardOpenOption.READ)) {
      long position = 0;
      long size = channel.size();
      while (position < size) {
        int length = (int) Math.min(SEGMENT + 28, size - position);
        sealed.clear().limit(length);
        while (sealed.hasRemaining()) {
          int read = channel.read(sealed, position + sealed.position());
          if (read < 0) {
            throw new IOException("short file");
          }
        }
        position += length;
        byte[] bytes = sealed.array();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(file.key, "AES"), new GCMParameterSpec(128, bytes, 0, 12));
        int count = cipher.doFinal(bytes, 12, length - 12, plain, 0);
        out.write(plain, 0, count);
        total += count;
      }
    }
    return total;
  }

  /** The JDK baseline's file: the same payload in the same 2 MiB segments, {@code IV || ct || tag}, nothing else. */
  @State(Scope.Benchmark)
  public static class JdkFile {
    Path path;
    byte[] key;

    @Setup(Level.Trial)
    public void write(TdfBenchmark benchmark) throws Exception {
      key = new byte[32];
      new SecureRandom().nextBytes(key);
      path = Files.createTempFile("pactbridge-gcm-bench-", ".bin");
      try (OutputStream out = Files.newOutputStream(path); InputStream in = benchmark.payload()) {
        byte[] plain = new byte[SEGMENT];
        byte[] sealed = new byte[SEGMENT + 28];
        byte[] iv = new byte[12];
        SecureRandom random = new SecureRandom();
        while (true) {
          int length = in.readNBytes(plain, 0, SEGMENT);
          if (length == 0) {
            break;
          }
          random.nextBytes(iv);
          Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
          cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
          System.arraycopy(iv, 0, sealed, 0, 12);
          int written = cipher.doFinal(plain, 0, length, sealed, 12);
          out.write(sealed, 0, 12 + written);
        }
      }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
      Files.deleteIfExists(path);
    }
  }
}
