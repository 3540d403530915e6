package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.api.json.Json;

class ServeAndWhatIfCommandTest {
  private static final String TERMINATE_2019 = "{\"at\":\"2020-01-01\",\"parties\":[\"KOR\",\"JPN\",\"USA\"],"
      + "\"events\":[{\"agreement\":\"ROK-JPN-GSOMIA-2016\",\"type\":\"TERMINATED\",\"at\":\"2019-11-23\"}],"
      + "\"requests\":[{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\"}]}";

  @Test
  void whatIfTheKoreaJapanPactHadEndedIn2019(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("terminate.json"), TERMINATE_2019);
    Cli text = Cli.run("whatif", file.toString());
    assertThat(text.status()).isZero();
    assertThat(text.out()).contains("What if, at 2020-01-01T00:00:00Z", "KOR -> JPN  II/", "requests[0]  PERMIT => ");

    Cli json = Cli.run("whatif", file.toString(), "--json");
    assertThat(json.status()).isZero();
    JsonNode result = Json.MAPPER.readTree(json.out());
    assertThat(result.get("decisions").get(0).get("before").get("decision").asText()).isEqualTo("PERMIT");
    assertThat(result.get("decisions").get(0).get("after").get("decision").asText()).isEqualTo("DENY");
    JsonNode korJpn = null;
    for (JsonNode cell : result.get("cells")) {
      if (cell.get("from").asText().equals("KOR") && cell.get("to").asText().equals("JPN")) {
        korJpn = cell;
      }
    }
    assertThat(korJpn).isNotNull();
    assertThat(korJpn.get("before").get("direct").asText()).isEqualTo("KOR:II");
    assertThat(korJpn.get("after").get("direct").isNull()).isTrue();
  }

  @Test
  void aPactSignedIn2011(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("sign.json"), "{\"at\":\"2011-01-05\",\"parties\":\"KOR,JPN\",\"agreements\":[{\"id\":\"ROK-JPN-2011\","
        + "\"parties\":[\"KOR\",\"JPN\"],\"provisionsFrom\":\"ROK-JPN-GSOMIA-2016\",\"events\":[{\"type\":\"IN_FORCE\",\"at\":\"2011-01-01\"}]}]}");
    Cli cli = Cli.run("whatif", file.toString());
    assertThat(cli.status()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("KOR -> JPN  -/", "=> II/");
  }

  @Test
  void aHypotheticalAgreementIsOfItsModelsKind(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("kind.json"), "{\"at\":\"2011-01-05\",\"parties\":\"KOR,JPN\",\"agreements\":[{\"id\":\"ROK-JPN-2011\","
        + "\"kind\":\"LOGISTICS\",\"parties\":[\"KOR\",\"JPN\"],\"provisionsFrom\":\"ROK-JPN-GSOMIA-2016\"}]}");
    Cli cli = Cli.run("whatif", file.toString());
    assertThat(cli.status()).isEqualTo(2);
    assertThat(cli.err()).contains("agreement ROK-JPN-2011 is LOGISTICS but has INFORMATION provisions");
    assertThat(cli.err().strip().lines()).hasSize(1);
  }

  @Test
  void aBadWhatIfFileExitsWithTwoAndOneLine(@TempDir Path dir) throws IOException {
    Path unknown = Files.writeString(dir.resolve("unknown.json"), "{\"at\":\"2020-01-01\",\"event\":[]}");
    Cli cli = Cli.run("whatif", unknown.toString());
    assertThat(cli.status()).isEqualTo(2);
    assertThat(cli.err()).contains("unknown field 'event'");
    assertThat(cli.err().strip().lines()).hasSize(1);

    Path badType = Files.writeString(dir.resolve("type.json"), "{\"events\":[{\"agreement\":\"TISA-2014\",\"type\":\"EXPLODED\",\"at\":\"2020-01-01\"}]}");
    Cli type = Cli.run("whatif", badType.toString());
    assertThat(type.status()).isEqualTo(2);
    assertThat(type.err()).contains("unknown event type 'EXPLODED' at events[0].type");

    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"events\": [");
    assertThat(Cli.run("whatif", broken.toString()).status()).isEqualTo(2);
    assertThat(Cli.run("whatif", dir.resolve("missing.json").toString()).status()).isEqualTo(2);
  }

  @Test
  void serveAndWhatIfHaveHelpAndServeRefusesBadInputBeforeListening() {
    assertThat(Cli.run("serve", "--help").out()).contains("Usage: pactbridge serve", "--db", "--port", "--party");
    assertThat(Cli.run("whatif", "--help").out()).contains("Usage: pactbridge whatif");
    Cli party = Cli.run("serve", "--party", "XXX", "--port", "0");
    assertThat(party.status()).isEqualTo(2);
    assertThat(party.err()).contains("unknown party 'XXX'");
    Cli trust = Cli.run("serve", "--tls-truststore", "trust.p12", "--port", "0");
    assertThat(trust.status()).isEqualTo(2);
    assertThat(trust.err()).contains("--tls-truststore needs --tls-keystore");
    Cli open = Cli.run("serve", "--host", "0.0.0.0", "--port", "0");
    assertThat(open.status()).isEqualTo(2);
    assertThat(open.err()).contains("refusing plain HTTP on 0.0.0.0").contains("--insecure-http");
    assertThat(open.err().strip().lines()).hasSize(1);
    assertThat(Cli.run("serve", "--help").out()).contains("--insecure-http");
  }
}
