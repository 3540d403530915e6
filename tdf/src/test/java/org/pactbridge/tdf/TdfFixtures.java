package org.pactbridge.tdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.label.LabelFixtures;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.label.marking.PartyDirectory;
import org.pactbridge.core.label.stanag.Stanag4774;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;

/** Keys, labels and helpers shared by the tests: RSA-2048 keys are made once per JVM (they are slow to make). */
final class TdfFixtures {
  static final String KAS_URL = "https://kas.nato.example/kas";
  static final String OTHER_KAS_URL = "https://kas.kor.example/kas";
  static final KeyPair KAS = rsa();
  static final KeyPair OTHER_KAS = rsa();
  static final KeyPair ASSERTION = rsa();
  static final String TITLE = "Operation Quiet Harbour: sensor layout";
  static final Stanag4774 STANAG = new Stanag4774(PartyDirectory.of(LabelFixtures.registry()));

  private TdfFixtures() {
  }

  static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static SecurityLabel label() {
    return SecurityLabel.builder(LabelFixtures.level("NATO", "NATO_SECRET"))
        .releasability(Releasability.relTo(List.of("KOR", "NATO")))
        .topics(Set.of(Topic.of("air-defence"), Topic.of("logistics")))
        .build();
  }

  static TdfContent content(ItemTitle title) {
    AlternativeLabel alternative = new AlternativeLabel(PartyCode.of("KOR"), LevelRef.of(LabelFixtures.level("KOR", "II")),
        AgreementId.of("NATO-KOR-GSOMIA"), Instant.parse("2026-12-03T10:15:30Z"));
    return new TdfContent(PolicyLabel.of(label()), List.of("user:kim@kor.example"), title, "text/plain", STANAG.write(label()), alternative);
  }

  static TdfWriter writer() {
    return TdfWriter.of(List.of(new KasKey(KAS_URL, "kas-1", KAS.getPublic())), new SigningKey("assert-1", ASSERTION.getPrivate()));
  }

  static byte[] write(TdfWriter writer, byte[] plaintext) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(content(ItemTitle.of(TITLE)), new ByteArrayInputStream(plaintext), out);
    return out.toByteArray();
  }

  static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static KasUnwrap kas() {
    return new KasUnwrap(KAS_URL, kid -> "kas-1".equals(kid) ? Optional.of(KAS.getPrivate()) : Optional.empty());
  }

  static TdfArchive.AssertionKeys assertionKeys() {
    return (id, kid) -> "assert-1".equals(kid) ? Optional.of(ASSERTION.getPublic()) : Optional.empty();
  }

  static TdfArchive open(byte[] archive) {
    return TdfArchive.open(new BytesChannel(archive), TdfLimits.DEFAULT);
  }

  /** Opens, verifies the assertions, unwraps through the KAS checks, reads the title and decrypts. */
  static byte[] openFully(byte[] archive) {
    try (TdfArchive tdf = open(archive)) {
      tdf.verifyAssertions(assertionKeys(), null);
      byte[] key = tdf.payloadKey(kas()::unwrap);
      tdf.title(key);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      tdf.decrypt(key, out);
      return out.toByteArray();
    }
  }

  /** A zip of these entries, stored, in this order, as the archive writer lays them out. */
  static byte[] zip(Map<String, byte[]> entries) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ZipOut zip = new ZipOut(out);
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        if (entry.getKey().equals(TdfWriter.PAYLOAD_ENTRY)) {
          try (var stream = zip.beginStreamed(entry.getKey())) {
            stream.write(entry.getValue());
          }
        } else {
          zip.writeWhole(entry.getKey(), entry.getValue());
        }
      }
      zip.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The entries of an archive by name (read with the JDK's zip reader, a second opinion on ours). */
  static Map<String, byte[]> entries(byte[] archive) {
    Map<String, byte[]> out = new java.util.LinkedHashMap<>();
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("tdf", ".zip");
      try {
        java.nio.file.Files.write(file, archive);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
          for (var entry : java.util.Collections.list(zip.entries())) {
            try (InputStream in = zip.getInputStream(entry)) {
              out.put(entry.getName(), in.readAllBytes());
            }
          }
        }
      } finally {
        java.nio.file.Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  static PublicKey kasPublic() {
    return KAS.getPublic();
  }

  static PrivateKey kasPrivate() {
    return KAS.getPrivate();
  }

  /** A read-only seekable channel over bytes in memory. */
  static final class BytesChannel implements SeekableByteChannel {
    private final byte[] bytes;
    private long position;
    private boolean open = true;

    BytesChannel(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read(ByteBuffer dst) {
      if (position >= bytes.length) {
        return -1;
      }
      int count = (int) Math.min(dst.remaining(), bytes.length - position);
      dst.put(bytes, (int) position, count);
      position += count;
      return count;
    }

    @Override
    public int write(ByteBuffer src) {
      throw new NonWritableChannelException();
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
      position = newPosition;
      return this;
    }

    @Override
    public long size() {
      return bytes.length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
      throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() {
      open = false;
    }
  }
}
