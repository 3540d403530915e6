package org.pactbridge.server;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pactbridge.core.party.PartyCode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What this node trusts on the federation, read from files and re-read when they change: its own
 * identity (the folder {@code pki init} made: TLS and signing certificates with their keys, its CA and the
 * CA's CRL) and its peers (the peers file: for each peer party its federation URL, its CA certificate and,
 * optionally, the CA's CRL). Each {@link #current()} compares the files' sizes, modification times and
 * identities with those of the last reading (a few {@code stat} calls) and reads them again when any
 * differs, so a changed peers file, certificate or CRL takes effect on the next handshake or request
 * without a restart. A reading that fails (a file half-edited, a bad certificate) keeps the last good one
 * and is reported by {@link #problem()}. Thread-safe.
 *
 * <p>The peers file (YAML), paths relative to its folder:
 *
 * <pre>
 * peers:
 *   USA:
 *     url: https://127.0.0.1:9443
 *     ca: usa-ca.pem
 *     crl: usa-ca.crl        # optional; default USA.crl beside the peers file, when present
 * </pre>
 */
public final class FederationTrust {
  private final PartyCode self;
  private final Path identityDir;
  private final Path peersFile;
  private Snapshot snapshot;
  private List<Stamp> stamps = List.of();
  private String problem;
  private long generation;

  /** This node's identity: the TLS and signing keys and chains, its CA and the CA's CRL, if any. */
  public record Identity(PrivateKey tlsKey, X509Certificate[] tlsChain, PrivateKey signingKey, X509Certificate[] signingChain, X509Certificate ca,
      Optional<X509CRL> crl) {}

  /** A peer as the peers file names it. */
  public record Peer(PartyCode party, URI url, X509Certificate ca, Optional<X509CRL> crl) {}

  /**
   * One reading of the files; {@code generation} grows with each new reading. {@code issuers} remembers, for
   * this reading only, which peer's CA signed a certificate already seen, so the listener verifies a
   * client certificate's signature once per reading rather than once per request.
   */
  public record Snapshot(long generation, Identity self, Map<PartyCode, Peer> peers, Map<X509Certificate, Optional<Peer>> issuers) {
    /** How many certificates a reading remembers before it forgets them all and starts again. */
    static final int REMEMBERED = 4096;

    /** The peer whose CA signed {@code certificate}, if any. */
    public Optional<Peer> issuerOf(X509Certificate certificate) {
      Optional<Peer> known = issuers.get(certificate);
      if (known != null) {
        return known;
      }
      Optional<Peer> found = Optional.empty();
      for (Peer peer : peers.values()) {
        if (signedBy(certificate, peer.ca())) {
          found = Optional.of(peer);
          break;
        }
      }
      if (issuers.size() >= REMEMBERED) {
        issuers.clear();
      }
      issuers.put(certificate, found);
      return found;
    }
  }

  private record Stamp(Path path, long size, long modified, Object key) {}

  public FederationTrust(PartyCode self, Path identityDir, Path peersFile) {
    this.self = Objects.requireNonNull(self, "self");
    this.identityDir = identityDir.toAbsolutePath();
    this.peersFile = peersFile.toAbsolutePath();
    try {
      reload();
    } catch (IOException | RuntimeException e) {
      throw new ServerException("federation: " + e.getMessage(), e);
    }
  }

  public PartyCode party() {
    return self;
  }

  /** The files as they read now: re-read first when any changed since the last reading. */
  public synchronized Snapshot current() {
    if (!stamps.equals(stampsNow(stamps.stream().map(Stamp::path).toList()))) {
      try {
        reload();
        problem = null;
      } catch (IOException | RuntimeException e) {
        problem = e.getMessage();
        // remember the broken files' stamps so that each request does not read them again
        stamps = stampsNow(stamps.stream().map(Stamp::path).toList());
      }
    }
    return snapshot;
  }

  /** Why the last re-reading failed, if it did (the node then keeps the reading before it). */
  public synchronized Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  private void reload() throws IOException {
    List<Path> watched = new ArrayList<>();
    Path tlsCert = watch(watched, identityDir.resolve(PartyPki.TLS_CERT));
    Path tlsKey = watch(watched, identityDir.resolve(PartyPki.TLS_KEY));
    Path signingCert = watch(watched, identityDir.resolve(PartyPki.SIGNING_CERT));
    Path signingKey = watch(watched, identityDir.resolve(PartyPki.SIGNING_KEY));
    Path caCert = watch(watched, identityDir.resolve(PartyPki.CA_CERT));
    Path caCrl = watch(watched, identityDir.resolve(PartyPki.CA_CRL));
    watch(watched, peersFile);
    List<Stamp> before = stampsNow(watched);
    X509Certificate ca = PartyPki.readCertificates(caCert).get(0);
    Identity identity = new Identity(PartyPki.readPrivateKey(tlsKey), PartyPki.readCertificates(tlsCert).toArray(X509Certificate[]::new),
        PartyPki.readPrivateKey(signingKey), PartyPki.readCertificates(signingCert).toArray(X509Certificate[]::new), ca,
        Files.exists(caCrl) ? Optional.of(checkedCrl(caCrl, ca)) : Optional.empty());
    requireMatch(identity.tlsKey(), identity.tlsChain()[0], tlsKey);
    requireMatch(identity.signingKey(), identity.signingChain()[0], signingKey);
    if (!PartyPki.partyOf(identity.tlsChain()[0]).equals(Optional.of(self))) {
      throw new IOException(tlsCert + " does not name this node's party " + self);
    }
    Map<PartyCode, Peer> peers = readPeers(watched);
    // stamps of every file read, taken before reading them: a change during the reading is seen next time
    List<Stamp> all = new ArrayList<>(before);
    all.addAll(stampsNow(watched.subList(before.size(), watched.size())));
    this.snapshot = new Snapshot(++generation, identity, Map.copyOf(peers), new java.util.concurrent.ConcurrentHashMap<>());
    this.stamps = List.copyOf(all);
  }

  private Map<PartyCode, Peer> readPeers(List<Path> watched) throws IOException {
    Object document;
    try {
      document = new Load(LoadSettings.builder().setLabel(peersFile.toString()).build())
          .loadFromString(Files.readString(peersFile, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new IOException(peersFile + ": not YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    Map<PartyCode, Peer> peers = new LinkedHashMap<>();
    if (document == null) {
      return peers;
    }
    if (!(document instanceof Map<?, ?> root) || !(root.get("peers") instanceof Map<?, ?> entries)) {
      throw new IOException(peersFile + ": expected a mapping 'peers:' of party codes");
    }
    Path folder = peersFile.getParent();
    for (Map.Entry<?, ?> entry : entries.entrySet()) {
      String where = peersFile + ": peers." + entry.getKey();
      PartyCode party;
      try {
        party = PartyCode.of(String.valueOf(entry.getKey()));
      } catch (RuntimeException e) {
        throw new IOException(where + ": not a party code");
      }
      if (!(entry.getValue() instanceof Map<?, ?> fields)) {
        throw new IOException(where + ": expected url, ca and optionally crl");
      }
      for (Object key : fields.keySet()) {
        if (!List.of("url", "ca", "crl").contains(String.valueOf(key))) {
          throw new IOException(where + "." + key + ": unknown field (url, ca, crl)");
        }
      }
      if (!(fields.get("url") instanceof String url) || !url.startsWith("https://")) {
        throw new IOException(where + ".url: an https:// URL is required");
      }
      if (!(fields.get("ca") instanceof String caName)) {
        throw new IOException(where + ".ca: the peer's CA certificate file is required");
      }
      Path caFile = watch(watched, folder.resolve(caName));
      X509Certificate ca = PartyPki.readCertificates(caFile).get(0);
      if (!PartyPki.partyOf(ca).equals(Optional.of(party))) {
        throw new IOException(where + ".ca: " + caName + " does not name party " + party);
      }
      Path crlFile = watch(watched, folder.resolve(fields.get("crl") instanceof String crlName ? crlName : party.value() + ".crl"));
      Optional<X509CRL> crl = Files.exists(crlFile) ? Optional.of(checkedCrl(crlFile, ca)) : Optional.empty();
      if (fields.get("crl") != null && crl.isEmpty()) {
        throw new IOException(where + ".crl: " + crlFile + " does not exist");
      }
      URI uri;
      try {
        uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      } catch (IllegalArgumentException e) {
        throw new IOException(where + ".url: not a URL");
      }
      if (party.equals(self)) {
        throw new IOException(where + ": this node's own party is not its peer");
      }
      peers.put(party, new Peer(party, uri, ca, crl));
    }
    return peers;
  }

  /** A key and its certificate replaced one after the other are read together only once they match again. */
  private static void requireMatch(PrivateKey key, X509Certificate certificate, Path keyFile) throws IOException {
    try {
      byte[] probe = "pactbridge key check".getBytes(StandardCharsets.US_ASCII);
      java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSA");
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      java.security.Signature verifier = java.security.Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      if (!verifier.verify(signature)) {
        throw new IOException(keyFile + " does not match its certificate");
      }
    } catch (GeneralSecurityException e) {
      throw new IOException(keyFile + " does not match its certificate", e);
    }
  }

  private static X509CRL checkedCrl(Path file, X509Certificate ca) throws IOException {
    X509CRL crl = PartyPki.readCrl(file);
    try {
      crl.verify(ca.getPublicKey());
    } catch (GeneralSecurityException e) {
      throw new IOException(file + ": the CRL is not signed by its CA " + ca.getSubjectX500Principal().getName());
    }
    return crl;
  }

  private static Path watch(List<Path> watched, Path file) {
    watched.add(file);
    return file;
  }

  private static List<Stamp> stampsNow(List<Path> paths) {
    List<Stamp> now = new ArrayList<>(paths.size());
    for (Path path : paths) {
      try {
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        now.add(new Stamp(path, attributes.size(), attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
            attributes.fileKey()));
      } catch (NoSuchFileException e) {
        now.add(new Stamp(path, -1, -1, null));
      } catch (IOException e) {
        now.add(new Stamp(path, -2, -2, null));
      }
    }
    return now;
  }

  /** Whether {@code ca} signed {@code certificate}. */
  static boolean signedBy(X509Certificate certificate, X509Certificate ca) {
    if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
      return false;
    }
    try {
      certificate.verify(ca.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * Why {@code certificate}, issued by the CA of {@code party} with CRL {@code crl}, is not acceptable at
   * {@code now} for {@code party}, as a federation reason code; empty when it is. The CA's signature is
   * checked by the caller.
   */
  public static Optional<String> refusal(X509Certificate certificate, PartyCode party, Optional<X509CRL> crl, Instant now) {
    if (now.isAfter(certificate.getNotAfter().toInstant())) {
      return Optional.of("PEER_CERT_EXPIRED");
    }
    if (now.isBefore(certificate.getNotBefore().toInstant())) {
      return Optional.of("PEER_CERT_NOT_YET_VALID");
    }
    if (crl.isPresent() && crl.get().isRevoked(certificate)) {
      return Optional.of("PEER_CERT_REVOKED");
    }
    if (!PartyPki.partyOf(certificate).equals(Optional.of(party))) {
      return Optional.of("PEER_PARTY_MISMATCH");
    }
    return Optional.empty();
  }
}
