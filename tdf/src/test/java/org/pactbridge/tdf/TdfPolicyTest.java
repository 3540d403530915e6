package org.pactbridge.tdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;

class TdfPolicyTest {
  private static final PolicyLabel JOINT_NOFORN_ORCON = new PolicyLabel(List.of(PartyCode.of("USA"), PartyCode.of("GBR")),
      new LevelRef(PartyCode.of("USA"), "SECRET"), Releasability.noforn(), true, Set.of(Topic.of("dprk-missile")));

  private static String policy(String json) {
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String attributes(String... uris) {
    StringBuilder out = new StringBuilder("{\"uuid\":\"u\",\"body\":{\"dataAttributes\":[");
    for (int i = 0; i < uris.length; i++) {
      out.append(i > 0 ? "," : "").append("{\"attribute\":\"").append(uris[i]).append("\"}");
    }
    return policy(out.append("],\"dissem\":[]}}").toString());
  }

  @Test
  void aJointNofornOrconLabelRoundTripsWithItsCaveats() {
    TdfPolicy policy = TdfPolicy.of(JOINT_NOFORN_ORCON, List.of());
    assertThat(policy.attributes()).contains("https://pactbridge.example/attr/caveat/value/NOFORN",
        "https://pactbridge.example/attr/caveat/value/ORCON", "https://pactbridge.example/attr/originator/value/GBR");
    TdfPolicy read = TdfPolicy.parse(policy.toBase64());
    assertThat(read.label()).contains(JOINT_NOFORN_ORCON);
    assertThat(read.uuid()).isEqualTo(policy.uuid());
  }

  @Test
  void theItemIdTravelsOutsideTheLabelAndAtMostOnce() {
    TdfPolicy policy = TdfPolicy.of(JOINT_NOFORN_ORCON, "item-0042", List.of());
    assertThat(policy.attributes()).contains("https://pactbridge.example/attr/item/value/item-0042");
    TdfPolicy read = TdfPolicy.parse(policy.toBase64());
    assertThat(read.item()).contains("item-0042");
    assertThat(read.label()).contains(JOINT_NOFORN_ORCON);
    assertThat(TdfPolicy.parse(TdfPolicy.of(JOINT_NOFORN_ORCON, List.of()).toBase64()).item()).isEmpty();
    assertThatThrownBy(() -> TdfPolicy.parse(attributes("https://pactbridge.example/attr/item/value/a",
        "https://pactbridge.example/attr/item/value/b"))).isInstanceOfSatisfying(TdfException.class,
            e -> assertThat(e.reason()).isEqualTo(TdfException.Reason.POLICY_INVALID));
  }

  @Test
  void valuesOutsideTheSafeCharactersArePercentEncodedAndReadBack() {
    assertThat(TdfPolicy.encode("極秘 A.B")).isEqualTo("%E6%A5%B5%E7%A7%98%20A%2EB");
    assertThat(TdfPolicy.decode("%E6%A5%B5%E7%A7%98%20A%2EB", "uri")).isEqualTo("極秘 A.B");
    PolicyLabel japanese = new PolicyLabel(List.of(PartyCode.of("JPN")), new LevelRef(PartyCode.of("JPN"), "極秘"),
        Releasability.relTo(List.of("USA")), false, Set.of());
    assertThat(TdfPolicy.parse(TdfPolicy.of(japanese, List.of()).toBase64()).label()).contains(japanese);
  }

  @Test
  void nonCanonicalEncodingsAreRefusedSoOneLabelHasOnePolicyText() {
    assertThatThrownBy(() -> TdfPolicy.decode("%41BC", "uri")).isInstanceOf(TdfException.class);
    assertThatThrownBy(() -> TdfPolicy.decode("a%2eb", "uri")).isInstanceOf(TdfException.class);
    assertThatThrownBy(() -> TdfPolicy.decode("a.b", "uri")).isInstanceOf(TdfException.class);
    assertThatThrownBy(() -> TdfPolicy.decode("%4", "uri")).isInstanceOf(TdfException.class);
  }

  @Test
  void otherNamespacesAreKeptAndAPolicyWithoutOursHasNoLabel() {
    TdfPolicy policy = TdfPolicy.parse(attributes("https://example.com/attr/classification/value/topsecret"));
    assertThat(policy.label()).isEmpty();
    assertThat(policy.otherAttributes()).containsExactly("https://example.com/attr/classification/value/topsecret");
  }

  @Test
  void malformedPactbridgeAttributesAreRefusedNamingThePolicy() {
    String ns = "https://pactbridge.example/attr/";
    for (String policy : List.of(
        attributes(ns + "originator/value/USA"),
        attributes(ns + "originator/value/USA", ns + "classification-party/value/USA", ns + "classification/value/SECRET",
            ns + "classification/value/TOP_SECRET"),
        attributes(ns + "originator/value/USA", ns + "classification-party/value/USA", ns + "classification/value/SECRET",
            ns + "caveat/value/NOFORN", ns + "releasable-to/value/GBR"),
        attributes(ns + "originator/value/USA", ns + "classification-party/value/USA", ns + "classification/value/SECRET",
            ns + "caveat/value/EYES_ONLY"),
        attributes(ns + "colour/value/red"),
        attributes(ns + "originator/value/USA", ns + "originator/value/USA"),
        policy("{\"body\":{}}"),
        "not base64!")) {
      assertThatThrownBy(() -> TdfPolicy.parse(policy)).isInstanceOfSatisfying(TdfException.class, e -> {
        assertThat(e.reason()).isEqualTo(TdfException.Reason.POLICY_INVALID);
        assertThat(e.part()).isEqualTo("policy");
      });
    }
  }

  @Test
  void anEmptyRelToListHasNoFormAndIsRefusedWhenWriting() {
    assertThatThrownBy(() -> new PolicyLabel(List.of(PartyCode.of("USA")), new LevelRef(PartyCode.of("USA"), "SECRET"),
        Releasability.relTo(List.of()), false, Set.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
