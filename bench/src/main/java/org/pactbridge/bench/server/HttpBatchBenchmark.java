package org.pactbridge.bench.server;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.pactbridge.api.json.ApiWriter;
import org.pactbridge.api.json.Json;
import org.pactbridge.api.request.Bodies;
import org.pactbridge.api.request.DecisionBody;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.server.NodeServer;
import org.pactbridge.server.ServerConfig;
import org.pactbridge.world.WorldLoader;

/**
 * Issue 22's HTTP batch decisions: one batch of 10,000 release requests sent to a real node (KOR, H2 in
 * memory, reference world) over HTTP/1.1 on loopback, in the JSON form and as JSON Lines, its whole answer
 * read by the client, beside the in-process batch on the same requests in the same run: the same engine
 * deciding the same 10,000 requests (with routes for non-permits, as the endpoint decides) with no
 * parsing, no writing and no HTTP. A third peer, {@link #inProcessParseAndWrite}, is the endpoint's work
 * without the network: the same body parsed by the strict reader request by request, decided and written
 * by the shared writer into a discarding stream. Score: decisions per second ({@code
 * OperationsPerInvocation = 10,000}).
 *
 * <p>The requests are 1,000 distinct ones (KOR, JPN and USA as originators and recipients, their
 * classified levels, dates 2011–2023, half with a topic, some held by a third party, some with consents)
 * repeated ten times.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar 'server.HttpBatchBenchmark'} ({@code -t 2} for two
 * client threads).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class HttpBatchBenchmark {
  static final int BATCH = 10_000;

  private NodeServer node;
  private Path dir;
  private HttpClient http;
  private URI decisions;
  private String bearer;
  private byte[] jsonBody;
  private byte[] linesBody;
  private ReleaseEngine engine;
  private ReleaseRequest[] requests;

  @Setup(Level.Trial)
  public void start() throws Exception {
    System.setProperty("pactbridge.log.level", "warn");
    Registry registry = WorldLoader.reference();
    engine = new ReleaseEngine(registry);
    List<String> lines = lines(registry);
    jsonBody = ("{\"requests\":[" + String.join(",", lines) + "]}").getBytes(StandardCharsets.UTF_8);
    linesBody = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    Instant now = Instant.now();
    requests = new ReleaseRequest[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      DecisionBody body = Bodies.read(lines.get(i).getBytes(StandardCharsets.UTF_8), Bodies.readerFor(DecisionBody.class));
      requests[i] = body.toRequest(registry, now);
    }

    dir = Files.createTempDirectory("http-batch-bench");
    String db = "jdbc:h2:mem:http-batch-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    node = NodeServer.start(ServerConfig.of(registry, PartyCode.of("KOR"), db, dir.resolve("keys"), 0).withMaxBodyBytes(64L << 20));
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String base = "http://127.0.0.1:" + node.port();
    decisions = URI.create(base + "/api/v1/decisions");
    String admin = node.firstStartAdmin().orElseThrow().secret();
    String user = Json.MAPPER.readTree(call(base + "/api/v1/users", admin,
        "{\"name\":\"bench-analyst\",\"nationality\":\"KOR\",\"clearance\":\"I\",\"needToKnow\":[\"dprk-missile\"],\"roles\":[\"analyst\"]}"))
        .get("id").asText();
    bearer = Json.MAPPER.readTree(call(base + "/api/v1/users/" + user + "/tokens", admin, "{}")).get("token").asText();
    // the answers must be the in-process ones before anything is timed
    byte[] expected = inProcessAnswer();
    byte[] answer = post(jsonBody, "application/json").readAllBytes();
    if (!java.util.Arrays.equals(expected, answer)) {
      throw new IllegalStateException("the node's batch answer differs from the in-process one");
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    node.close();
  }

  /** 10,000 request bodies: 1,000 distinct, ten times over. */
  static List<String> lines(Registry registry) {
    String[] parties = {"KOR", "JPN", "USA"};
    String[] dates = {"2011-01-05", "2015-06-01", "2017-01-05", "2019-11-01", "2023-06-01"};
    List<String> distinct = new ArrayList<>();
    for (int i = 0; distinct.size() < 1000; i++) {
      String originator = parties[i % 3];
      String recipient = parties[(i / 3 + 1 + i % 3) % 3];
      if (recipient.equals(originator)) {
        recipient = parties[(i + 1) % 3];
      }
      String date = dates[(i / 9) % dates.length];
      var levels = registry.requireParty(PartyCode.of(originator)).schemeAt(Instant.parse(date + "T00:00:00Z")).classifiedLevels();
      StringBuilder line = new StringBuilder("{\"originator\":\"").append(originator).append("\",\"level\":\"")
          .append(levels.get(i % levels.size()).code()).append("\",\"to\":\"").append(recipient).append('"');
      if (i % 7 == 3) {
        for (String holder : parties) {
          if (!holder.equals(recipient) && !holder.equals(originator)) {
            line.append(",\"holder\":\"").append(holder).append('"'); // the third party holds a copy
          }
        }
      }
      if (i % 2 == 0) {
        line.append(",\"topics\":[\"dprk-missile\"]");
      }
      if (i % 5 == 4) {
        line.append(",\"consents\":[\"").append(originator).append("\"]");
      }
      line.append(",\"at\":\"").append(date).append("\"}");
      distinct.add(line.toString());
    }
    List<String> all = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      all.add(distinct.get(i % distinct.size()));
    }
    return all;
  }

  private byte[] inProcessAnswer() throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (JsonGenerator out = Json.MAPPER.getFactory().createGenerator(bytes)) {
      out.writeStartObject();
      out.writeArrayFieldStart("decisions");
      for (ReleaseRequest request : requests) {
        ApiWriter.decision(out, engine.decide(request));
      }
      out.writeEndArray();
      out.writeEndObject();
    }
    return bytes.toByteArray();
  }

  /** The batch over HTTP in the JSON form; the client reads the whole answer. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long httpJson() throws Exception {
    return drain(post(jsonBody, "application/json"));
  }

  /** The batch over HTTP as JSON Lines; the client reads the whole answer. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long httpJsonLines() throws Exception {
    return drain(post(linesBody, "application/x-ndjson"));
  }

  /** The peer: the in-process batch, the same requests decided by the same engine, nothing read or written. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void inProcess(Blackhole hole) {
    for (ReleaseRequest request : requests) {
      hole.consume(engine.decide(request));
    }
  }

  /** The endpoint's work without the network: the JSON body read request by request, decided, written to a discarding stream. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void inProcessParseAndWrite(Blackhole hole) throws IOException {
    var reader = Bodies.streamReaderFor(DecisionBody.class);
    Instant now = Instant.now();
    Registry registry = engine.registry();
    try (var parser = Bodies.STRICT.getFactory().createParser(jsonBody);
        JsonGenerator out = Json.MAPPER.getFactory().createGenerator(OutputStream.nullOutputStream())) {
      parser.nextToken();
      parser.nextToken();
      parser.nextToken();
      out.writeStartObject();
      out.writeArrayFieldStart("decisions");
      while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        DecisionBody body = Bodies.readValue(parser, reader, "");
        ApiWriter.decision(out, engine.decide(body.toRequest(registry, now)));
      }
      out.writeEndArray();
      out.writeEndObject();
      hole.consume(out);
    }
  }

  private InputStream post(byte[] body, String type) throws IOException, InterruptedException {
    HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(decisions).header("Authorization", "Bearer " + bearer)
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the batch was refused: " + response.statusCode() + " " + new String(response.body().readAllBytes(),
          StandardCharsets.UTF_8));
    }
    return response.body();
  }

  private static long drain(InputStream in) throws IOException {
    try (in) {
      byte[] buffer = new byte[65536];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
      }
      return total;
    }
  }

  private String call(String url, String token, String body) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }
}
