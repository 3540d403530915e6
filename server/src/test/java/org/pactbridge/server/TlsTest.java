package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.party.PartyCode;

/** HTTPS with a token, and login by a client certificate whose CN names the user; keys made by keytool. */
class TlsTest {
  private static final String PASSWORD = "changeit";

  @TempDir Path dir;

  @Test
  void tokensAndClientCertificatesBothLogIn() throws Exception {
    keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext",
        "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", "server.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
    keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=analyst-tls", "-validity", "2",
        "-keystore", "client.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
    keytool("-genkeypair", "-alias", "stranger", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=admin", "-validity", "2",
        "-keystore", "stranger.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
    keytool("-exportcert", "-alias", "client", "-keystore", "client.p12", "-storepass", PASSWORD, "-file", "client.cer");
    keytool("-importcert", "-noprompt", "-alias", "client", "-file", "client.cer", "-keystore", "trust.p12", "-storetype", "PKCS12", "-storepass",
        PASSWORD);
    keytool("-exportcert", "-alias", "server", "-keystore", "server.p12", "-storepass", PASSWORD, "-file", "server.cer");
    keytool("-importcert", "-noprompt", "-alias", "server", "-file", "server.cer", "-keystore", "servertrust.p12", "-storetype", "PKCS12",
        "-storepass", PASSWORD);

    String url = "jdbc:h2:mem:tls-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ServerConfig config = ServerConfig.of(TestNode.REFERENCE, PartyCode.of("KOR"), url, TestNode.keyDir(), 0)
        .withTls(new ServerConfig.Tls(dir.resolve("server.p12"), PASSWORD, dir.resolve("trust.p12"), PASSWORD));
    try (NodeServer server = NodeServer.start(config)) {
      String admin = server.firstStartAdmin().orElseThrow().secret();
      String base = "https://127.0.0.1:" + server.port();
      HttpClient tokenClient = client(null);
      HttpResponse<String> created = tokenClient.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/users"))
          .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"analyst-tls\",\"nationality\":\"KOR\",\"clearance\":\"II\",\"roles\":[\"analyst\"]}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).isEqualTo(201);

      HttpResponse<String> anonymous = tokenClient.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).isEqualTo(401);

      HttpResponse<String> byCertificate = client("client.p12").send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(byCertificate.statusCode()).isEqualTo(200);
      assertThat(byCertificate.body()).contains("\"name\":\"analyst-tls\"");

      // A certificate the trust store does not hold is not a login, whatever its CN claims.
      int untrusted;
      try {
        untrusted = client("stranger.p12").send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode();
      } catch (java.io.IOException handshakeRefused) {
        untrusted = -1;
      }
      assertThat(untrusted).isNotEqualTo(200);
    }
  }

  private HttpClient client(String keyStore) throws Exception {
    KeyStore trust = load("servertrust.p12");
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    KeyManagerFactory keyManagers = null;
    if (keyStore != null) {
      keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(load(keyStore), PASSWORD.toCharArray());
    }
    context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).build();
  }

  private KeyStore load(String name) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve(name))) {
      store.load(in, PASSWORD.toCharArray());
    }
    return store;
  }

  private void keytool(String... args) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
  }
}
