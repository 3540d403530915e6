package org.pactbridge.server;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS of the federation: TLS 1.3 only, this node's certificate read from {@link FederationTrust} at
 * each handshake (so a renewed certificate is used without a restart), and two ways of trusting.
 *
 * <ul>
 *   <li>The listener's: a client certificate is taken in the handshake when a peer's CA (from the peers file
 *       as it reads now) signed it; no certificate, or one no peer's CA signed, fails the handshake. Its
 *       dates, its CRL entry and the party it names are checked per request by the listener, which answers
 *       each refusal as a problem with its own code.
 *   <li>The client's, towards one peer: the JDK's PKIX checks with that peer's CA as the only anchor,
 *       including the host name or IP address against the certificate's subject alternative names, and
 *       then the certificate must name that peer's party and not be on its CA's CRL.
 * </ul>
 */
final class FederationTls {
  static final String PROTOCOL = "TLSv1.3";
  static final String[] PROTOCOLS = {PROTOCOL};
  private static final String ALIAS = "node";

  private FederationTls() {}

  /** The listener's context. */
  static SSLContext server(FederationTrust trust) {
    return context(new NodeKeyManager(trust), new PeerClientTrust(trust));
  }

  /** The context for calls to {@code peer}. */
  static SSLContext client(FederationTrust trust, FederationTrust.Peer peer, Clock realClock) {
    try {
      KeyStore anchors = KeyStore.getInstance("PKCS12");
      anchors.load(null, null);
      anchors.setCertificateEntry("ca", peer.ca());
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(anchors);
      X509ExtendedTrustManager pkix = (X509ExtendedTrustManager) Arrays.stream(factory.getTrustManagers())
          .filter(manager -> manager instanceof X509ExtendedTrustManager).findFirst().orElseThrow();
      return context(new NodeKeyManager(trust), new PeerServerTrust(pkix, peer, realClock));
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot set up TLS towards " + peer.party() + ": " + e.getMessage(), e);
    }
  }

  private static SSLContext context(X509ExtendedKeyManager keys, TrustManager trust) {
    try {
      SSLContext context = SSLContext.getInstance(PROTOCOL);
      context.init(new javax.net.ssl.KeyManager[] {keys}, new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS 1.3 in this JVM", e);
    }
  }

  /** This node's TLS key and chain as the identity folder holds them now. */
  private static final class NodeKeyManager extends X509ExtendedKeyManager {
    private final FederationTrust trust;

    NodeKeyManager(FederationTrust trust) {
      this.trust = trust;
    }

    private static boolean ec(String keyType) {
      return keyType != null && keyType.startsWith("EC");
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return ec(keyType) ? new String[] {ALIAS} : null;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
      return Arrays.stream(keyTypes).anyMatch(NodeKeyManager::ec) ? ALIAS : null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
      return chooseClientAlias(keyTypes, issuers, null);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return ec(keyType) ? new String[] {ALIAS} : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return ec(keyType) ? ALIAS : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
      return chooseServerAlias(keyType, issuers, null);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return ALIAS.equals(alias) ? trust.current().self().tlsChain().clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return ALIAS.equals(alias) ? trust.current().self().tlsKey() : null;
    }
  }

  /** The listener's trust: a client certificate one of the peers' CAs signed. */
  private static final class PeerClientTrust extends X509ExtendedTrustManager {
    private final FederationTrust trust;

    PeerClientTrust(FederationTrust trust) {
      this.trust = trust;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
      if (chain == null || chain.length == 0) {
        throw new CertificateException("no client certificate");
      }
      if (trust.current().issuerOf(chain[0]).isEmpty()) {
        throw new CertificateException("PEER_UNKNOWN_CA: no peer's CA issued " + chain[0].getSubjectX500Principal().getName());
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("the federation listener trusts clients only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return trust.current().peers().values().stream().map(FederationTrust.Peer::ca).toArray(X509Certificate[]::new);
    }
  }

  /** The client's trust towards one peer: PKIX with its CA alone (host name included), then its party and CRL. */
  private static final class PeerServerTrust extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager pkix;
    private final FederationTrust.Peer peer;
    private final Clock realClock;

    PeerServerTrust(X509ExtendedTrustManager pkix, FederationTrust.Peer peer, Clock realClock) {
      this.pkix = pkix;
      this.peer = peer;
      this.realClock = realClock;
    }

    private void ours(X509Certificate[] chain) throws CertificateException {
      Optional<String> refusal = FederationTrust.refusal(chain[0], peer.party(), peer.crl(), realClock.instant());
      if (refusal.isPresent()) {
        throw new CertificateException(refusal.get() + ": the server's certificate is not acceptable for " + peer.party());
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      pkix.checkServerTrusted(chain, authType, socket);
      ours(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      pkix.checkServerTrusted(chain, authType, engine);
      ours(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      pkix.checkServerTrusted(chain, authType);
      ours(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
      throw new CertificateException("a peer channel trusts servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
      throw new CertificateException("a peer channel trusts servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("a peer channel trusts servers only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[] {peer.ca()};
    }
  }
}
