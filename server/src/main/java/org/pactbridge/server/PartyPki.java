package org.pactbridge.server;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
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
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.pactbridge.core.party.PartyCode;

/**
 * A party's federation PKI, as {@code pactbridge pki init} makes it and {@code serve --federation-tls}
 * reads it: an EC P-256 party CA, the node's TLS certificate (client and server) and the node's signing
 * certificate (for the JWS statements nodes exchange), each naming the party as the subject alternative
 * name {@code URI:urn:pactbridge:party:<PARTY>}, and the CA's certificate revocation list. BouncyCastle
 * builds the certificates and CRLs; reading them back needs the JDK alone ({@link #readCertificates},
 * {@link #readPrivateKey}, {@link #readCrl}).
 *
 * <p>Files in the folder, PEM: {@value #CA_CERT}, {@value #CA_KEY}, {@value #CA_CRL}, {@value #TLS_CERT}
 * (the node's certificate followed by the CA's), {@value #TLS_KEY}, {@value #SIGNING_CERT} (likewise) and
 * {@value #SIGNING_KEY}. Private keys are written owner-only (0600) where the file system has POSIX
 * permissions; each file is written beside its place and moved in, so none is ever half-written.
 */
public final class PartyPki {
  public static final String CA_CERT = "ca.pem";
  public static final String CA_KEY = "ca-key.pem";
  public static final String CA_CRL = "ca.crl";
  public static final String TLS_CERT = "node-tls.pem";
  public static final String TLS_KEY = "node-tls-key.pem";
  public static final String SIGNING_CERT = "node-signing.pem";
  public static final String SIGNING_KEY = "node-signing-key.pem";
  /** How long a party CA is valid from its making. */
  public static final Duration CA_VALIDITY = Duration.ofDays(3650);
  /** How long a node certificate is valid from its making. */
  public static final Duration NODE_VALIDITY = Duration.ofDays(825);
  /** How long a CRL says it stays current (its nextUpdate); this node does not refuse a CRL past it. */
  public static final Duration CRL_VALIDITY = Duration.ofDays(30);
  private static final String URN = "urn:pactbridge:party:";
  private static final String SIGNATURE = "SHA256withECDSA";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a node certificate is for. */
  public enum Use {
    /** TLS server and client authentication on the federation listener and towards peers. */
    TLS,
    /** Digital signatures on the statements nodes exchange (JWS). */
    SIGNING
  }

  /** A party CA in memory: its certificate and private key. */
  public record Ca(PartyCode party, X509Certificate certificate, PrivateKey key) {}

  /** A certificate with its private key. */
  public record Issued(X509Certificate certificate, PrivateKey key) {}

  private PartyPki() {}

  /** The subject alternative name URI that names {@code party}. */
  public static String partyUri(PartyCode party) {
    return URN + party.value();
  }

  /** The party a certificate names by its {@code urn:pactbridge:party:} URI, if exactly one. */
  public static java.util.Optional<PartyCode> partyOf(X509Certificate certificate) {
    List<String> found = new ArrayList<>();
    try {
      if (certificate.getSubjectAlternativeNames() != null) {
        for (List<?> name : certificate.getSubjectAlternativeNames()) {
          if (Integer.valueOf(GeneralName.uniformResourceIdentifier).equals(name.get(0)) && name.get(1) instanceof String uri
              && uri.startsWith(URN)) {
            found.add(uri.substring(URN.length()));
          }
        }
      }
    } catch (java.security.cert.CertificateParsingException e) {
      return java.util.Optional.empty();
    }
    if (found.size() != 1) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(PartyCode.of(found.get(0)));
    } catch (RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * Makes a party's PKI in {@code out} (created if missing): a new CA, the node's TLS certificate for
   * {@code hosts} (DNS names or IP addresses; 127.0.0.1 and localhost when empty), the node's signing
   * certificate and an empty CRL. Refuses a folder that already holds a CA key, so a CA is never replaced
   * by mistake.
   */
  public static Ca init(PartyCode party, Path out, List<String> hosts, Instant now) throws IOException {
    Files.createDirectories(out);
    if (Files.exists(out.resolve(CA_KEY))) {
      throw new FileAlreadyExistsException(out.resolve(CA_KEY).toString(), null, "a party CA is already there; revoke and reissue instead");
    }
    Ca ca = newCa(party, now, now.plus(CA_VALIDITY));
    List<String> names = hosts.isEmpty() ? List.of("127.0.0.1", "localhost") : hosts;
    Issued tls = issue(ca, party, Use.TLS, names, now, now.plus(NODE_VALIDITY));
    Issued signing = issue(ca, party, Use.SIGNING, List.of(), now, now.plus(NODE_VALIDITY));
    writePrivate(out.resolve(CA_KEY), pem("PRIVATE KEY", ca.key().getEncoded()));
    writePublic(out.resolve(CA_CERT), pem(ca.certificate()));
    writePrivate(out.resolve(TLS_KEY), pem("PRIVATE KEY", tls.key().getEncoded()));
    writePublic(out.resolve(TLS_CERT), pem(tls.certificate()) + pem(ca.certificate()));
    writePrivate(out.resolve(SIGNING_KEY), pem("PRIVATE KEY", signing.key().getEncoded()));
    writePublic(out.resolve(SIGNING_CERT), pem(signing.certificate()) + pem(ca.certificate()));
    writePublic(out.resolve(CA_CRL), pem(crl(ca, List.of(), BigInteger.ONE, now)));
    return ca;
  }

  /** A new self-signed party CA valid from {@code notBefore} to {@code notAfter}. */
  public static Ca newCa(PartyCode party, Instant notBefore, Instant notAfter) {
    KeyPair pair = ecKeyPair();
    X500Name name = new X500Name("CN=Pactbridge party CA " + party.value() + ",O=" + party.value());
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(notBefore), Date.from(notAfter), name,
          pair.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, partyUri(party))));
      return new Ca(party, certificate(builder.build(signer(pair.getPrivate()))), pair.getPrivate());
    } catch (CertIOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a party CA: " + e.getMessage(), e);
    }
  }

  /**
   * A node certificate from {@code ca} naming {@code party} (normally the CA's own; tests name another to
   * see it refused), for {@code use}, with the host names or IP addresses {@code hosts} as further subject
   * alternative names, valid from {@code notBefore} to {@code notAfter}.
   */
  public static Issued issue(Ca ca, PartyCode party, Use use, List<String> hosts, Instant notBefore, Instant notAfter) {
    KeyPair pair = ecKeyPair();
    X500Name subject = new X500Name("CN=Pactbridge node " + party.value() + (use == Use.SIGNING ? " signing" : "") + ",O=" + party.value());
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serial(), Date.from(notBefore), Date.from(notAfter),
          subject, pair.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
      builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca.certificate()));
      List<GeneralName> names = new ArrayList<>();
      names.add(new GeneralName(GeneralName.uniformResourceIdentifier, partyUri(party)));
      if (use == Use.TLS) {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false,
            new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        for (String host : hosts) {
          names.add(isAddress(host) ? new GeneralName(GeneralName.iPAddress, host) : new GeneralName(GeneralName.dNSName, host));
        }
      } else {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      }
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
      return new Issued(certificate(builder.build(signer(ca.key()))), pair.getPrivate());
    } catch (CertIOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot issue a node certificate: " + e.getMessage(), e);
    }
  }

  /** A CRL of {@code ca} listing {@code revoked}, numbered {@code number}, issued at {@code now}. */
  public static X509CRL crl(Ca ca, List<X509CRLEntry> revoked, BigInteger number, Instant now) {
    try {
      X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.certificate().getSubjectX500Principal(), Date.from(now));
      builder.setNextUpdate(Date.from(now.plus(CRL_VALIDITY)));
      for (X509CRLEntry entry : revoked) {
        builder.addCRLEntry(entry.getSerialNumber(), entry.getRevocationDate(), CRLReason.unspecified);
      }
      builder.addExtension(Extension.cRLNumber, false, new ASN1Integer(number));
      builder.addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
      return new JcaX509CRLConverter().getCRL(builder.build(signer(ca.key())));
    } catch (CertIOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a CRL: " + e.getMessage(), e);
    }
  }

  /** The CA kept in {@code caDir} (its certificate and private key), as {@link #init} wrote it. */
  public static Ca loadCa(Path caDir) throws IOException {
    List<X509Certificate> certificates = readCertificates(caDir.resolve(CA_CERT));
    PrivateKey key = readPrivateKey(caDir.resolve(CA_KEY));
    X509Certificate certificate = certificates.get(0);
    PartyCode party = partyOf(certificate).orElseThrow(() -> new IOException(caDir.resolve(CA_CERT) + ": the CA names no party"));
    return new Ca(party, certificate, key);
  }

  /**
   * Revokes {@code certificate} (issued by the CA in {@code caDir}): the CA's CRL, {@value #CA_CRL} in that
   * folder, is rewritten with its entries, this one and a higher CRL number. Revoking twice changes only the
   * CRL's dates.
   *
   * @return the new CRL
   */
  public static X509CRL revoke(Path caDir, X509Certificate certificate, Instant now) throws IOException {
    Ca ca = loadCa(caDir);
    try {
      certificate.verify(ca.certificate().getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new IOException("the certificate " + certificate.getSubjectX500Principal().getName() + " was not issued by the CA in " + caDir);
    }
    Path crlFile = caDir.resolve(CA_CRL);
    List<X509CRLEntry> entries = new ArrayList<>();
    BigInteger number = BigInteger.ONE;
    if (Files.exists(crlFile)) {
      X509CRL old = readCrl(crlFile);
      if (old.getRevokedCertificates() != null) {
        entries.addAll(old.getRevokedCertificates());
      }
      byte[] numberExtension = old.getExtensionValue(Extension.cRLNumber.getId());
      if (numberExtension != null) {
        number = ASN1Integer.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(numberExtension).getOctets()).getValue().add(BigInteger.ONE);
      }
    }
    boolean listed = entries.stream().anyMatch(entry -> entry.getSerialNumber().equals(certificate.getSerialNumber()));
    X509CRL next;
    if (listed) {
      next = crl(ca, entries, number, now);
    } else {
      List<X509CRLEntry> withNew = new ArrayList<>(entries);
      X509CRL single = crlWith(ca, certificate.getSerialNumber(), now);
      withNew.add(single.getRevokedCertificate(certificate.getSerialNumber()));
      next = crl(ca, withNew, number, now);
    }
    writePublic(crlFile, pem(next));
    return next;
  }

  private static X509CRL crlWith(Ca ca, BigInteger serial, Instant now) {
    try {
      X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.certificate().getSubjectX500Principal(), Date.from(now));
      builder.addCRLEntry(serial, Date.from(now), CRLReason.unspecified);
      return new JcaX509CRLConverter().getCRL(builder.build(signer(ca.key())));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a CRL: " + e.getMessage(), e);
    }
  }

  /** Every certificate in a PEM file, in order. */
  public static List<X509Certificate> readCertificates(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> certificates = new ArrayList<>();
      for (java.security.cert.Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certificates.add((X509Certificate) certificate);
      }
      if (certificates.isEmpty()) {
        throw new IOException(file + ": no certificate");
      }
      return certificates;
    } catch (CertificateException e) {
      throw new IOException(file + ": not a PEM certificate file (" + e.getMessage() + ")", e);
    }
  }

  /** A CRL in PEM or DER. */
  public static X509CRL readCrl(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
    } catch (java.security.cert.CRLException | CertificateException e) {
      throw new IOException(file + ": not a CRL (" + e.getMessage() + ")", e);
    }
  }

  /** An EC private key in a PKCS#8 PEM file ({@code BEGIN PRIVATE KEY}). */
  public static PrivateKey readPrivateKey(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    Matcher matcher = Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----").matcher(text);
    if (!matcher.find()) {
      throw new IOException(file + ": no PKCS#8 private key (BEGIN PRIVATE KEY)");
    }
    try {
      return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(matcher.group(1))));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException(file + ": not an EC private key", e);
    }
  }

  /** A certificate as PEM. */
  public static String pem(X509Certificate certificate) {
    try {
      return pem("CERTIFICATE", certificate.getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A CRL as PEM. */
  public static String pem(X509CRL crl) {
    try {
      return pem("X509 CRL", crl.getEncoded());
    } catch (java.security.cert.CRLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
  }

  /** Writes a private key file owner-only (0600 from its creation), moved into place whole. */
  public static void writePrivate(Path file, String text) throws IOException {
    write(file, text, true);
  }

  /** Writes a certificate or CRL file, moved into place whole. */
  public static void writePublic(Path file, String text) throws IOException {
    write(file, text, false);
  }

  private static void write(Path file, String text, boolean secret) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path temp;
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (posix) {
      temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")));
    } else {
      temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    }
    try {
      Files.writeString(temp, text, StandardCharsets.US_ASCII);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static boolean isAddress(String host) {
    return host.matches("[0-9.]+") || host.contains(":");
  }

  private static KeyPair ecKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no EC P-256 in this JVM", e);
    }
  }

  private static BigInteger serial() {
    return new BigInteger(127, RANDOM).add(BigInteger.ONE);
  }

  private static ContentSigner signer(PrivateKey key) {
    try {
      return new JcaContentSignerBuilder(SIGNATURE).build(key);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign with " + key.getAlgorithm(), e);
    }
  }

  private static X509Certificate certificate(org.bouncycastle.cert.X509CertificateHolder holder) throws CertificateException {
    return new JcaX509CertificateConverter().getCertificate(holder);
  }
}
