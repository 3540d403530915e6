package org.pactbridge.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what a well-behaved client will not send (a malformed URI, an
 * over-long one, a method of one's own choosing) and for a client address of one's choosing on
 * loopback (127.0.0.2 is as much loopback as 127.0.0.1). One request per connection.
 */
final class RawHttp {
  private RawHttp() {}

  record Answer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** Sends {@code head} (request line and headers, without the blank line) and {@code body}. */
  static Answer send(int port, String from, String head, byte[] body) {
    try (Socket socket = new Socket()) {
      if (from != null) {
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      }
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      String request = head + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
          + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        socket.getOutputStream().write(body);
      }
      socket.getOutputStream().flush();
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Answer send(int port, String head) {
    return send(port, null, head, null);
  }

  static Answer send(int port, String head, byte[] body) {
    return send(port, null, head, body);
  }

  private static Answer parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
      }
    }
    return new Answer(status, headers, body);
  }
}
