package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.pactbridge.core.user.Role;

/**
 * Each role against each endpoint, over HTTP: allowed (anything but 401/403) or refused (403 FORBIDDEN
 * problem), and 401 without a token. The expected matrix is written out here, independently of the
 * roles the endpoints declare, so a changed declaration fails this test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {
  private static final Set<Role> ALL = EnumSet.allOf(Role.class);
  private static final Set<Role> ASKERS = EnumSet.of(Role.ADMIN, Role.ORIGINATOR, Role.DISCLOSURE_OFFICER, Role.ANALYST);
  private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
  private static final Set<Role> HOLDERS = EnumSet.of(Role.ORIGINATOR, Role.DISCLOSURE_OFFICER, Role.ANALYST);
  private static final Set<Role> AUDITORS = EnumSet.of(Role.AUDITOR, Role.NODE_AUDITOR, Role.ADMIN);
  private static final Set<Role> LEDGER_READERS = EnumSet.of(Role.LOGISTICS_OFFICER, Role.ADMIN, Role.AUDITOR, Role.NODE_AUDITOR);

  /** operationId → the roles that may call it; absent: public. */
  private static final Map<String, Set<Role>> EXPECTED = Map.ofEntries(
      Map.entry("me", ALL),
      Map.entry("createOwnToken", ALL),
      Map.entry("revokeToken", ALL),
      Map.entry("listUsers", ADMIN),
      Map.entry("createUser", ADMIN),
      Map.entry("deleteUser", ADMIN),
      Map.entry("createToken", ADMIN),
      Map.entry("listParties", ALL),
      Map.entry("getParty", ALL),
      Map.entry("getPartyPartners", ALL),
      Map.entry("listExercises", ALL),
      Map.entry("listAgreements", ALL),
      Map.entry("getAgreement", ALL),
      Map.entry("listAgreementEvents", ALL),
      Map.entry("listSources", ALL),
      Map.entry("decide", ASKERS),
      Map.entry("findRoutes", ASKERS),
      Map.entry("coverage", ALL),
      Map.entry("whatIf", ASKERS),
      Map.entry("createItem", EnumSet.of(Role.ORIGINATOR)),
      Map.entry("listItems", HOLDERS),
      Map.entry("searchItems", HOLDERS),
      Map.entry("getItem", HOLDERS),
      Map.entry("listCoOriginations", EnumSet.of(Role.ORIGINATOR, Role.DISCLOSURE_OFFICER)),
      Map.entry("confirmCoOrigination", EnumSet.of(Role.ORIGINATOR, Role.DISCLOSURE_OFFICER)),
      Map.entry("decideItem", HOLDERS),
      Map.entry("releaseItem", EnumSet.of(Role.ORIGINATOR, Role.DISCLOSURE_OFFICER)),
      Map.entry("exportItem", EnumSet.of(Role.ORIGINATOR, Role.DISCLOSURE_OFFICER)),
      Map.entry("importItem", EnumSet.of(Role.ORIGINATOR, Role.DISCLOSURE_OFFICER)),
      Map.entry("requestConsent", HOLDERS),
      Map.entry("listConsents", HOLDERS),
      Map.entry("getConsent", HOLDERS),
      Map.entry("answerConsent", EnumSet.of(Role.DISCLOSURE_OFFICER)),
      Map.entry("verifyAudit", AUDITORS),
      Map.entry("exportAudit", AUDITORS),
      Map.entry("supportCheck", LEDGER_READERS),
      Map.entry("createLedgerEntry", EnumSet.of(Role.LOGISTICS_OFFICER)),
      Map.entry("listLedgerEntries", LEDGER_READERS),
      Map.entry("ledgerBalances", LEDGER_READERS),
      Map.entry("ledgerOverdue", LEDGER_READERS),
      Map.entry("ledgerStatement", LEDGER_READERS),
      Map.entry("kasRewrap", HOLDERS),
      Map.entry("createSession", ALL),
      Map.entry("getSession", ALL),
      Map.entry("deleteSession", ALL));
  private static final Set<String> PUBLIC = Set.of("health", "metrics", "openapi", "kasPublicKey");

  private final TestNode node = TestNode.start(TestNode.Db.H2).withRoleUsers();

  @AfterAll
  void stop() {
    node.close();
  }

  @Test
  void everyEndpointIsInTheMatrix() {
    List<String> ids = node.server.endpoints().stream().map(Endpoint::operationId).toList();
    List<String> known = new ArrayList<>(EXPECTED.keySet());
    known.addAll(PUBLIC);
    assertThat(ids).containsExactlyInAnyOrderElementsOf(known);
  }

  @TestFactory
  Stream<DynamicTest> eachRoleAgainstEachEndpoint() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Endpoint endpoint : node.server.endpoints()) {
      String path = endpoint.path().replace("{code}", "KOR").replace("{id}", idFor(endpoint));
      String body = endpoint.method().equals("POST") ? sampleBody(endpoint.operationId()) : null;
      if (PUBLIC.contains(endpoint.operationId())) {
        tests.add(DynamicTest.dynamicTest(endpoint.operationId() + " is public", () ->
            assertThat(node.send(endpoint.method(), path, null, body, "application/json").status()).isEqualTo(200)));
        continue;
      }
      tests.add(DynamicTest.dynamicTest(endpoint.operationId() + " without a token", () -> {
        TestNode.Response response = node.send(endpoint.method(), path, null, body, "application/json");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
      }));
      for (Role role : Role.values()) {
        boolean allowed = EXPECTED.get(endpoint.operationId()).contains(role);
        tests.add(DynamicTest.dynamicTest(endpoint.operationId() + " as " + role.slug() + (allowed ? " allowed" : " refused"), () -> {
          TestNode.Response response = node.send(endpoint.method(), path, node.tokens.get(role), body, "application/json");
          if (allowed) {
            assertThat(response.status()).as(response.body()).isNotIn(401, 403).isLessThan(500);
          } else {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.code()).isEqualTo("FORBIDDEN");
          }
        }));
      }
    }
    return tests.stream();
  }

  private String idFor(Endpoint endpoint) {
    return switch (endpoint.operationId()) {
      case "getAgreement", "listAgreementEvents" -> "ROK-JPN-GSOMIA-2016";
      case "createToken" -> node.server.accounts().users().findByName("analyst-1").orElseThrow().id();
      default -> "no-such-token";
    };
  }

  private static String sampleBody(String operationId) {
    return switch (operationId) {
      case "decide", "findRoutes" -> "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"at\":\"2017-01-05\"}";
      case "whatIf" -> "{\"at\":\"2017-01-05\",\"parties\":[\"KOR\",\"JPN\"]}";
      case "createItem" -> "{\"marking\":\"//KOR III\",\"topics\":[\"dprk-missile\"],\"content\":\"matrix\"}";
      case "decideItem", "releaseItem", "exportItem" -> "{\"to\":\"USA\"}";
      case "kasRewrap" -> "{\"signedRequestToken\":\"a.b.c\"}";
      case "requestConsent" -> "{\"item\":\"no-such-item\",\"to\":\"JPN\"}";
      case "answerConsent" -> "{\"verdict\":\"GRANTED\"}";
      case "supportCheck" -> "{\"supplier\":\"JPN\",\"receiver\":\"USA\",\"category\":\"fuel\",\"activity\":\"exercise\",\"at\":\"2018-06-04\"}";
      // The role users are KOR's: an officer records entries of their own nation's exchanges.
      case "createLedgerEntry" -> "{\"type\":\"provide\",\"agreement\":\"ROK-USA-MLSA-1988\",\"supplier\":\"KOR\",\"receiver\":\"USA\","
          + "\"category\":\"fuel\",\"value\":\"100\",\"currency\":\"USD\",\"at\":\"2018-06-04\"}";
      case "createUser" -> "{\"name\":\"u-" + java.util.UUID.randomUUID().toString().substring(0, 8)
          + "\",\"nationality\":\"KOR\",\"clearance\":\"III\",\"roles\":[\"analyst\"]}";
      default -> "{}";
    };
  }
}
