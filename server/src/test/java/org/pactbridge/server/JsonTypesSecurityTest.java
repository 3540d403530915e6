package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pactbridge.core.user.Role;

/**
 * Issue 15, finding 13: a JSON value of another type than the field's is refused, not converted (the
 * number 392 is not the party "392"); a lone surrogate is refused, not silently replaced when the text
 * is encoded (so what is stored or decided on is what was sent).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonTypesSecurityTest {
  private final TestNode node = TestNode.start(TestNode.Db.H2).withRoleUsers();

  @AfterAll
  void stop() {
    node.close();
  }

  private static void assertProblem(TestNode.Response response, String code, String pointer) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.code()).isEqualTo(code);
    assertThat(response.json().get("pointer").asText()).isEqualTo(pointer);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a number for a string|{\"originator\":\"KOR\",\"level\":\"II\",\"to\":392}|/to",
      "a number in a list of strings|{\"originator\":[410],\"level\":\"II\",\"to\":\"JPN\"}|/originator/0",
      "a single number for a list|{\"originator\":410,\"level\":\"II\",\"to\":\"JPN\"}|/originator/0",
      "a decimal for a string|{\"originator\":\"KOR\",\"level\":2.0,\"to\":\"JPN\"}|/level",
      "a boolean for a string|{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"at\":true}|/at",
      "a string for a boolean|{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"noforn\":\"true\"}|/noforn",
      "a number for a boolean|{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"orcon\":1}|/orcon"})
  void aValueOfAnotherTypeIsRefusedNotConverted(String what, String body, String pointer) {
    TestNode.Response response = node.post("/api/v1/decisions", node.tokens.get(Role.ANALYST), body);
    assertProblem(response, "WRONG_TYPE", pointer);
  }

  @Test
  void aUserNameMustBeAString() {
    long before = node.server.accounts().users().count();
    assertProblem(node.post("/api/v1/users", node.adminToken, "{\"name\":12345,\"nationality\":\"KOR\",\"clearance\":\"II\",\"roles\":[\"analyst\"]}"),
        "WRONG_TYPE", "/name");
    assertThat(node.server.accounts().users().count()).isEqualTo(before);
  }

  @Test
  void decimalFieldsThatSayTheyTakeNumbersStillDo() {
    TestNode.Response check = node.post("/api/v1/logistics/support-checks", node.adminToken,
        "{\"supplier\":\"JPN\",\"receiver\":\"USA\",\"category\":\"fuel\",\"activity\":\"exercise\",\"quantity\":20000,\"at\":\"2018-06-04\"}");
    assertThat(check.status()).as(check.body()).isEqualTo(200);
    assertProblem(node.post("/api/v1/logistics/support-checks", node.adminToken,
        "{\"supplier\":\"JPN\",\"receiver\":\"USA\",\"category\":\"fuel\",\"activity\":\"exercise\",\"quantity\":true}"), "WRONG_TYPE", "/quantity");
  }

  @Test
  void aLoneSurrogateIsRefusedNotReplaced() {
    TestNode.Response escaped = node.post("/api/v1/decisions", node.tokens.get(Role.ANALYST),
        "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JP\\ud800N\"}");
    assertProblem(escaped, "INVALID_UNICODE", "/to");
    assertThat(escaped.json().get("detail").asText()).isEqualTo("the string at /to holds a lone surrogate at character 2 (text must be valid Unicode)");

    String originator = node.user("surrogate-originator", "KOR", "I", Role.ORIGINATOR);
    long items = node.get("/api/v1/items", originator).json().size();
    assertProblem(node.post("/api/v1/items", originator, "{\"marking\":\"//KOR III\",\"content\":\"report \\udc00 end\"}"), "INVALID_UNICODE",
        "/content");
    assertThat(node.get("/api/v1/items", originator).json().size()).as("nothing stored").isEqualTo(items);

    // The same surrogate as raw bytes (CESU-8, not UTF-8) is refused as well.
    byte[] head = "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JP".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "N\"}".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + 3 + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    body[head.length] = (byte) 0xED;
    body[head.length + 1] = (byte) 0xA0;
    body[head.length + 2] = (byte) 0x80;
    System.arraycopy(tail, 0, body, head.length + 3, tail.length);
    RawHttp.Answer raw = RawHttp.send(node.server.port(), "POST /api/v1/decisions HTTP/1.1\r\nContent-Type: application/json\r\nAuthorization: Bearer "
        + node.tokens.get(Role.ANALYST), body);
    assertThat(raw.status()).isEqualTo(400);
    assertThat(raw.body()).containsAnyOf("INVALID_UNICODE", "MALFORMED_JSON");

    // A whole pair (an emoji) is text like any other.
    TestNode.Response pair = node.post("/api/v1/items", originator, "{\"marking\":\"//KOR III\",\"content\":\"report \\ud83d\\ude00 end\"}");
    assertThat(pair.status()).as(pair.body()).isEqualTo(201);
  }
}
