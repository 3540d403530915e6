package org.pactbridge.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLParameters;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.service.PeerChannel;
import org.pactbridge.service.PeerUnreachableException;
import org.pactbridge.service.ServiceException;

/**
 * {@link PeerChannel} over the JDK's HTTP client: HTTP/1.1 over TLS 1.3 with this node's TLS certificate,
 * trusting for each peer only that peer's CA ({@link FederationTls#client}), the host name or address of
 * its URL checked against the certificate, which must name the peer's party and not be on its CRL. One
 * client per peer, kept while the peers file and this node's certificates read the same (connections are
 * kept alive and reused); made anew after they change. Thread-safe.
 */
public final class HttpPeerChannel implements PeerChannel {
  /** How long to wait for a connection, and for a whole answer. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final FederationTrust trust;
  private final Clock realClock;
  private final Map<PartyCode, Client> clients = new ConcurrentHashMap<>();

  private record Client(long generation, URI base, HttpClient http) {}

  public HttpPeerChannel(FederationTrust trust, Clock realClock) {
    this.trust = trust;
    this.realClock = realClock;
  }

  @Override
  public Set<PartyCode> peers() {
    return trust.current().peers().keySet();
  }

  @Override
  public Response post(PartyCode peer, String path, String idempotencyKey, String contentType, byte[] body) throws PeerUnreachableException {
    Client client = client(peer);
    HttpRequest.Builder request = request(client, path).POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(peer, client, request.build());
  }

  @Override
  public Response get(PartyCode peer, String path) throws PeerUnreachableException {
    Client client = client(peer);
    return send(peer, client, request(client, path).GET().build());
  }

  private static HttpRequest.Builder request(Client client, String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a peer path starts with /: " + path);
    }
    return HttpRequest.newBuilder(URI.create(client.base() + path)).timeout(REQUEST_TIMEOUT);
  }

  private Response send(PartyCode peer, Client client, HttpRequest request) throws PeerUnreachableException {
    try {
      HttpResponse<byte[]> response = client.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
    } catch (IOException e) {
      throw new PeerUnreachableException(peer, request.method() + " " + request.uri().getPath() + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PeerUnreachableException(peer, "interrupted", e);
    }
  }

  private Client client(PartyCode peer) {
    FederationTrust.Snapshot snapshot = trust.current();
    FederationTrust.Peer known = snapshot.peers().get(peer);
    if (known == null) {
      throw ServiceException.forbidden("UNKNOWN_PEER", "Unknown peer", peer + " is not in the peers file");
    }
    return clients.compute(peer, (party, existing) -> existing != null && existing.generation() == snapshot.generation() ? existing
        : new Client(snapshot.generation(), known.url(), http(known)));
  }

  private HttpClient http(FederationTrust.Peer peer) {
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(FederationTls.PROTOCOLS);
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .sslContext(FederationTls.client(trust, peer, realClock))
        .sslParameters(parameters)
        .build();
  }
}
