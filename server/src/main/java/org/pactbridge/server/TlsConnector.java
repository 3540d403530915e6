package org.pactbridge.server;

import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTPS listener and client-certificate login: with a trust store configured the server asks for a
 * client certificate (optional: token clients need none) and Jetty verifies it against that store; the
 * verified certificate's subject CN is the user name.
 *
 * <p>Protocols: TLS 1.3, and TLS 1.2 with ephemeral ECDH and AEAD ciphers only (AES-GCM,
 * ChaCha20-Poly1305). TLS 1.0 and 1.1 and the CBC suites of TLS 1.2 (padding oracles such as Lucky
 * Thirteen) are refused, as are static-RSA key exchange (no forward secrecy) and renegotiation.
 */
final class TlsConnector {
  static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
  /** Jetty reads these as regular expressions over the JDK's suite names. */
  static final String[] CIPHER_SUITES = {
      "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_(ECDSA|RSA)_WITH_AES_(128_GCM_SHA256|256_GCM_SHA384)",
      "TLS_ECDHE_(ECDSA|RSA)_WITH_CHACHA20_POLY1305_SHA256"};

  private TlsConnector() {}

  static ServerConnector create(Server server, HttpConfiguration http, ServerConfig config) {
    ServerConfig.Tls tls = config.tls();
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(tls.keyStore().toAbsolutePath().toString());
    ssl.setKeyStorePassword(tls.keyStorePassword());
    ssl.setKeyStoreType("PKCS12");
    ssl.setIncludeProtocols(PROTOCOLS);
    ssl.setIncludeCipherSuites(CIPHER_SUITES);
    ssl.setRenegotiationAllowed(false);
    if (tls.trustStore() != null) {
      ssl.setTrustStorePath(tls.trustStore().toAbsolutePath().toString());
      ssl.setTrustStorePassword(tls.trustStorePassword());
      ssl.setTrustStoreType("PKCS12");
      ssl.setWantClientAuth(true);
    }
    HttpConfiguration https = new HttpConfiguration(http);
    https.addCustomizer(new SecureRequestCustomizer(false));
    ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost(config.host());
    connector.setPort(config.port());
    return connector;
  }

  /** The subject CN of the verified client certificate, if the client sent one. */
  static Optional<String> certificateName(HttpServletRequest request) {
    Object attribute = request.getAttribute("jakarta.servlet.request.X509Certificate");
    if (!(attribute instanceof X509Certificate[] chain) || chain.length == 0) {
      return Optional.empty();
    }
    try {
      for (Rdn rdn : new LdapName(chain[0].getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return Optional.of(String.valueOf(rdn.getValue()));
        }
      }
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
