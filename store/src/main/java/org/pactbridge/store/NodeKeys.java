package org.pactbridge.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The node's secrets, kept in files outside the database: the AES-256 master key that wraps every
 * item's data key ({@code master.key}) and the Ed25519 key pair that signs item hashes and audit
 * checkpoints ({@code node.key}). Created together on first start, owner-only ({@code rw-------} in an
 * {@code rwx------} folder), written to a temporary file and moved into place so a crash never leaves a
 * half-written key. An existing file is never overwritten: a corrupt one is an error.
 *
 * <p>File format ({@code master.key}), text, one field a line:
 * <pre>
 * pactbridge-master-key-v1
 * key=&lt;base64 of 32 bytes&gt;
 * id=&lt;first 8 bytes of SHA-256(key), hex&gt;
 * </pre>
 * The id is both a checksum and what the database records to recognise its key. {@code node.key} has
 * {@code pactbridge-node-key-v1}, {@code private=} (PKCS#8, base64) and {@code public=} (X.509,
 * base64). Immutable and thread-safe once loaded.
 */
public final class NodeKeys {
  static final String MASTER_FILE = "master.key";
  static final String NODE_FILE = "node.key";
  private static final String MASTER_MAGIC = "pactbridge-master-key-v1";
  private static final String NODE_MAGIC = "pactbridge-node-key-v1";

  private final Path dir;
  private final SecretKey masterKey;
  private final String masterKeyId;
  private final PrivateKey signingKey;
  private final PublicKey publicKey;
  private final String publicKeyBase64;

  private NodeKeys(Path dir, byte[] master, PrivateKey signingKey, PublicKey publicKey) {
    this.dir = dir;
    this.masterKey = new SecretKeySpec(master, "AES");
    this.masterKeyId = keyId(master);
    this.signingKey = signingKey;
    this.publicKey = publicKey;
    this.publicKeyBase64 = Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }

  /** Whether the key files exist (either of them). */
  static boolean present(Path dir) {
    return Files.exists(dir.resolve(MASTER_FILE)) || Files.exists(dir.resolve(NODE_FILE));
  }

  /** Reads both files; a missing or corrupt one is a {@link StoreException}. */
  static NodeKeys load(Path dir) {
    Path masterFile = dir.resolve(MASTER_FILE);
    Path nodeFile = dir.resolve(NODE_FILE);
    byte[] master = readMaster(masterFile);
    List<String> node = readLines(nodeFile, NODE_MAGIC, 3);
    byte[] privateBytes = base64(nodeFile, 2, field(nodeFile, node, 2, "private"));
    byte[] publicBytes = base64(nodeFile, 3, field(nodeFile, node, 3, "public"));
    PrivateKey privateKey;
    PublicKey publicKey;
    try {
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(privateBytes));
      publicKey = factory.generatePublic(new X509EncodedKeySpec(publicBytes));
    } catch (GeneralSecurityException e) {
      throw StoreException.corruptKeyFile(nodeFile, 2, "not an Ed25519 key pair (" + e.getMessage() + ")");
    }
    NodeKeys keys = new NodeKeys(dir, master, privateKey, publicKey);
    byte[] probe = "pactbridge-key-pair-check".getBytes(StandardCharsets.UTF_8);
    if (!verify(publicKey, probe, keys.sign(probe))) {
      throw StoreException.corruptKeyFile(nodeFile, 3, "the public key does not belong to the private key");
    }
    return keys;
  }

  /** Creates both files (owner-only); fails if either already exists. */
  static NodeKeys create(Path dir) {
    byte[] master = new byte[32];
    new SecureRandom().nextBytes(master);
    KeyPair pair;
    try {
      pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no Ed25519", e);
    }
    Base64.Encoder b64 = Base64.getEncoder();
    String masterText = MASTER_MAGIC + "\nkey=" + b64.encodeToString(master) + "\nid=" + keyId(master) + "\n";
    String nodeText = NODE_MAGIC + "\nprivate=" + b64.encodeToString(pair.getPrivate().getEncoded())
        + "\npublic=" + b64.encodeToString(pair.getPublic().getEncoded()) + "\n";
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        trySetPermissions(dir, "rwx------");
      }
    } catch (IOException e) {
      throw StoreException.keyFileUnwritable(dir, e);
    }
    writeOwnerOnly(dir.resolve(NODE_FILE), nodeText);
    writeOwnerOnly(dir.resolve(MASTER_FILE), masterText);
    return new NodeKeys(dir, master, pair.getPrivate(), pair.getPublic());
  }

  public Path dir() {
    return dir;
  }

  public Path masterKeyFile() {
    return dir.resolve(MASTER_FILE);
  }

  /** The master key's id: 16 hex digits, safe to show and to store. */
  public String masterKeyId() {
    return masterKeyId;
  }

  SecretKey masterKey() {
    return masterKey;
  }

  /** The node's Ed25519 public key, base64 X.509. */
  public String publicKeyBase64() {
    return publicKeyBase64;
  }

  /** Signs with the node's Ed25519 key. Thread-safe (a new {@link Signature} per call). */
  public byte[] sign(byte[] message) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(signingKey);
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** Verifies an Ed25519 signature by the base64 X.509 public key {@code publicKeyBase64}. */
  public static boolean verify(String publicKeyBase64, byte[] message, byte[] signature) {
    try {
      PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
      return verify(key, message, signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  static String keyId(byte[] key) {
    try {
      return HexFormat.of().formatHex(Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key), 8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static byte[] readMaster(Path file) {
    List<String> lines = readLines(file, MASTER_MAGIC, 3);
    byte[] key = base64(file, 2, field(file, lines, 2, "key"));
    if (key.length != 32) {
      throw StoreException.corruptKeyFile(file, 2, "the key is " + key.length + " bytes, not 32");
    }
    String id = field(file, lines, 3, "id");
    if (!id.equals(keyId(key))) {
      throw StoreException.corruptKeyFile(file, 3, "the key does not match its id (checksum)");
    }
    return key;
  }

  private static List<String> readLines(Path file, String magic, int count) {
    if (!Files.exists(file)) {
      throw StoreException.corruptKeyFile(file, 0, "the file is missing (its companion key file exists)");
    }
    String text;
    try {
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw StoreException.corruptKeyFile(file, 0, "cannot be read (" + e.getMessage() + ")");
    }
    List<String> lines = text.lines().toList();
    if (lines.isEmpty() || !lines.get(0).equals(magic)) {
      throw StoreException.corruptKeyFile(file, 1, "expected '" + magic + "'");
    }
    if (lines.size() != count) {
      throw StoreException.corruptKeyFile(file, Math.min(lines.size(), count) + 1, "expected " + count + " lines, found " + lines.size());
    }
    return lines;
  }

  private static String field(Path file, List<String> lines, int lineNo, String name) {
    String line = lines.get(lineNo - 1);
    if (!line.startsWith(name + "=")) {
      throw StoreException.corruptKeyFile(file, lineNo, "expected '" + name + "='");
    }
    return line.substring(name.length() + 1);
  }

  private static byte[] base64(Path file, int lineNo, String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw StoreException.corruptKeyFile(file, lineNo, "not base64");
    }
  }

  static void writeOwnerOnly(Path file, String text) {
    if (Files.exists(file)) {
      throw StoreException.keyFileUnwritable(file, new FileAlreadyExistsException(file.toString()));
    }
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.deleteIfExists(temp);
      Files.createFile(temp);
      trySetPermissions(temp, "rw-------");
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file);
      }
    } catch (IOException e) {
      throw StoreException.keyFileUnwritable(file, e);
    }
  }

  private static void trySetPermissions(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system (Windows): the folder's ACLs apply
    }
  }
}
