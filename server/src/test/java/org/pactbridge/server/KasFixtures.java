package org.pactbridge.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.tdf.AlternativeLabel;
import org.pactbridge.tdf.KasKey;
import org.pactbridge.tdf.LevelRef;
import org.pactbridge.tdf.PolicyLabel;
import org.pactbridge.tdf.RewrapToken;
import org.pactbridge.tdf.SigningKey;
import org.pactbridge.tdf.TdfArchive;
import org.pactbridge.tdf.TdfContent;
import org.pactbridge.tdf.TdfForm;
import org.pactbridge.tdf.TdfWriter;

/** Archives for a node's KAS and a client that asks it to rewrap, for the key access tests. RSA keys are made once per JVM. */
final class KasFixtures {
  static final KeyPair CLIENT = rsa();
  static final KeyPair ASSERTION = rsa();
  static final PartyCode KOR = PartyCode.of("KOR");

  private KasFixtures() {}

  static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A KOR label on dprk-missile at {@code level}, releasable as given. */
  static PolicyLabel korLabel(String level, Releasability releasability) {
    return new PolicyLabel(List.of(KOR), new LevelRef(KOR, level), releasability, false, Set.of(Topic.of("dprk-missile")));
  }

  /** The node's KAS key as its public-key endpoint gives it. */
  static KasKey kasKey(TestNode node) {
    JsonNode key = node.get("/kas/v1/public-key", null).json();
    PublicKey publicKey = RewrapToken.parsePem(key.get("publicKey").asText());
    return new KasKey(key.get("url").asText(), key.get("kid").asText(), publicKey);
  }

  /** Writes an archive of {@code plaintext} for {@code kas}, its policy naming {@code item} (may be null). */
  static Path archive(Path dir, KasKey kas, PolicyLabel label, List<String> dissem, String item, String plaintext, TdfForm form) {
    AlternativeLabel alternative = new AlternativeLabel(PartyCode.of("USA"), new LevelRef(PartyCode.of("USA"), "SECRET"),
        AgreementId.of("ROK-USA-GSOMIA-1987"), Instant.parse("2024-06-01T00:00:00Z"));
    TdfContent content = new TdfContent(label, dissem, ItemTitle.NONE, "text/plain", "<originatorConfidentialityLabel/>", alternative)
        .withItem(item);
    try {
      Path file = Files.createTempFile(dir, "item", ".tdf");
      try (OutputStream out = Files.newOutputStream(file)) {
        TdfWriter.of(List.of(kas), new SigningKey("assertion-test", ASSERTION.getPrivate())).withForm(form)
            .write(content, new ByteArrayInputStream(plaintext.getBytes(StandardCharsets.UTF_8)), out);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first key access object of an archive as JSON text, as a rewrap request carries it. */
  static String keyAccessJson(TdfArchive archive) {
    return archive.manifest().path("encryptionInformation").path("keyAccess").get(0).toString();
  }

  /** A rewrap body for the archive's first key access object, signed by {@link #CLIENT} at {@code at}. */
  static String rewrapBody(TdfArchive archive, Instant at) {
    return RewrapToken.requestBody(RewrapToken.sign(keyAccessJson(archive), archive.policyBase64(), CLIENT.getPublic(), CLIENT.getPrivate(), at));
  }

  /** The plaintext of an archive opened with a rewrap answer's {@code entityWrappedKey}. */
  static String decrypt(TdfArchive archive, JsonNode answer) {
    byte[] share = RewrapToken.unwrapForClient(CLIENT.getPrivate(), answer.get("entityWrappedKey").asText());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    archive.decrypt(share, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
