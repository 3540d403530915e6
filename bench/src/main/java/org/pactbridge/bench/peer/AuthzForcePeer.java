package org.pactbridge.bench.peer;

import jakarta.xml.bind.JAXBElement;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.AllOf;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.AnyOf;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.ApplyType;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.AttributeAssignmentExpression;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.AttributeDesignatorType;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.AttributeValueType;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.Condition;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.DecisionType;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.EffectType;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.ExpressionType;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.Match;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.ObjectFactory;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.ObligationExpression;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.ObligationExpressions;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.Policy;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.PolicySet;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.Rule;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.Target;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.VariableDefinition;
import oasis.names.tc.xacml._3_0.core.schema.wd_17.VariableReferenceType;
import org.ow2.authzforce.core.pdp.api.AttributeFqn;
import org.ow2.authzforce.core.pdp.api.AttributeFqns;
import org.ow2.authzforce.core.pdp.api.DecisionRequestBuilder;
import org.ow2.authzforce.core.pdp.api.DecisionResult;
import org.ow2.authzforce.core.pdp.api.PepAction;
import org.ow2.authzforce.core.pdp.api.PepActionAttributeAssignment;
import org.ow2.authzforce.core.pdp.api.value.Bags;
import org.ow2.authzforce.core.pdp.api.value.IntegerValue;
import org.ow2.authzforce.core.pdp.api.value.StandardDatatypes;
import org.ow2.authzforce.core.pdp.api.value.StringValue;
import org.ow2.authzforce.core.pdp.impl.BasePdpEngine;
import org.ow2.authzforce.core.pdp.impl.PdpEngineConfiguration;
import org.ow2.authzforce.core.xmlns.pdp.Pdp;
import org.ow2.authzforce.core.xmlns.pdp.StaticPolicyProvider;
import org.ow2.authzforce.core.xmlns.pdp.TopLevelPolicyElementRef;
import org.pactbridge.bench.gate.HopAnswer;
import org.pactbridge.bench.gate.HopOracle;
import org.pactbridge.bench.gate.HopWindows;
import org.pactbridge.bench.gate.Peer;
import org.pactbridge.bench.gate.ReleaseRules;
import org.pactbridge.bench.gate.Verdict;
import org.pactbridge.core.agreement.ThirdPartyRule;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.ReleaseRequest;

/**
 * AuthzForce (XACML 3.0), written as an XACML user would, with the policies sliced per sending party
 * (one PDP per nation, holding the agreements it sends under: one PDP over all 5,000 agreements
 * evaluates 10,000 targets per request, about 5 ms; one PDP per pair takes minutes to load): a root
 * policy set, first-applicable over one policy set per receiver (targeted on sender and receiver),
 * permit-overrides over one
 * policy per in-force window (targeted on the instant). In a window, a rule per sender level permits
 * with an obligation naming the recipient's level and the agreement; the last rule denies with an
 * obligation that says, computed by the PDP, whether the scope covers the topics and whether the level
 * is listed. Instants are XACML integers (epoch seconds), so the PDP's {@code maxIntegerValue} is
 * raised from its default 2^31−1 (which ends in 2038) to 2^63−1. The policies are built as the XACML
 * JAXB model in memory, which is what a policy file would be parsed into.
 */
public final class AuthzForcePeer implements Peer {
  private static final String XACML_STRING = "http://www.w3.org/2001/XMLSchema#string";
  private static final String XACML_INTEGER = "http://www.w3.org/2001/XMLSchema#integer";
  private static final String XACML_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean";
  private static final String SUBJECT = "urn:oasis:names:tc:xacml:1.0:subject-category:access-subject";
  private static final String RESOURCE = "urn:oasis:names:tc:xacml:3.0:attribute-category:resource";
  private static final String ENVIRONMENT = "urn:oasis:names:tc:xacml:3.0:attribute-category:environment";
  private static final String FN = "urn:oasis:names:tc:xacml:1.0:function:";
  private static final String FN3 = "urn:oasis:names:tc:xacml:3.0:function:";
  private static final String FIRST_APPLICABLE_POLICY = "urn:oasis:names:tc:xacml:1.0:policy-combining-algorithm:first-applicable";
  private static final String PERMIT_OVERRIDES_POLICY = "urn:oasis:names:tc:xacml:3.0:policy-combining-algorithm:permit-overrides";
  private static final String FIRST_APPLICABLE_RULE = "urn:oasis:names:tc:xacml:1.0:rule-combining-algorithm:first-applicable";
  private static final ObjectFactory XACML = new ObjectFactory();

  private static final AttributeDesignatorType FROM = new AttributeDesignatorType(SUBJECT, "urn:pactbridge:hop:from", XACML_STRING, null, true);
  private static final AttributeDesignatorType TO = new AttributeDesignatorType(RESOURCE, "urn:pactbridge:hop:to", XACML_STRING, null, true);
  private static final AttributeDesignatorType AT = new AttributeDesignatorType(ENVIRONMENT, "urn:pactbridge:hop:at", XACML_INTEGER, null, true);
  private static final AttributeDesignatorType LEVEL = new AttributeDesignatorType(RESOURCE, "urn:pactbridge:item:level", XACML_STRING, null, true);
  private static final AttributeDesignatorType TOPICS = new AttributeDesignatorType(RESOURCE, "urn:pactbridge:item:topic", XACML_STRING, null, false);

  private final Map<String, BasePdpEngine> bySender = new HashMap<>();
  private final ReleaseRules rules;
  private final AttributeFqn fromId = AttributeFqns.newInstance(FROM);
  private final AttributeFqn toId = AttributeFqns.newInstance(TO);
  private final AttributeFqn atId = AttributeFqns.newInstance(AT);
  private final AttributeFqn levelId = AttributeFqns.newInstance(LEVEL);
  private final AttributeFqn topicsId = AttributeFqns.newInstance(TOPICS);

  public AuthzForcePeer(Registry registry, Map<String, List<HopWindows.Window>> windows) {
    Map<String, List<Serializable>> slices = new HashMap<>();
    for (Map.Entry<String, List<HopWindows.Window>> pair : windows.entrySet()) {
      List<HopWindows.Window> list = pair.getValue();
      if (list.isEmpty()) {
        continue;
      }
      List<Serializable> policies = new ArrayList<>(list.size());
      int index = 0;
      for (HopWindows.Window window : list) {
        policies.add(windowPolicy(window, index++));
      }
      HopWindows.Window first = list.get(0);
      Target target = target(List.of(
          match(FN + "string-equal", string(first.from().value()), FROM),
          match(FN + "string-equal", string(first.to().value()), TO)));
      slices.computeIfAbsent(first.from().value(), k -> new ArrayList<>())
          .add(new PolicySet(null, null, null, target, policies, null, null, "pair:" + pair.getKey(), "1.0", PERMIT_OVERRIDES_POLICY, null));
    }
    try {
      for (Map.Entry<String, List<Serializable>> slice : slices.entrySet()) {
        PolicySet root = new PolicySet(null, null, null, new Target(List.of()), slice.getValue(), null, null, "root", "1.0", FIRST_APPLICABLE_POLICY, null);
        StaticPolicyProvider provider = new StaticPolicyProvider(List.of(root), false);
        provider.setId("agreements");
        Pdp configuration = new Pdp(
            List.of(), List.of(), List.of(), List.of(), List.of(provider), new TopLevelPolicyElementRef("root", null, true), null, List.of(), "8.1",
            true, true, true, true, false, false,
            BigInteger.valueOf(Long.MAX_VALUE), // instants are epoch seconds: past 2038 they exceed the default 2^31-1
            null, null, BigInteger.ZERO);
        bySender.put(slice.getKey(), new BasePdpEngine(new PdpEngineConfiguration(configuration, text -> text)));
      }
    } catch (IOException e) {
      throw new IllegalStateException("authzforce could not load the policies: " + e.getMessage(), e);
    }
    this.rules = new ReleaseRules(registry, new Oracle());
  }

  @Override
  public String name() {
    return "authzforce";
  }

  @Override
  public Verdict decide(ReleaseRequest request) {
    return rules.decide(request);
  }

  public ReleaseRules rules() {
    return rules;
  }

  private static Policy windowPolicy(HopWindows.Window window, int index) {
    List<Match> time = new ArrayList<>(2);
    time.add(match(FN + "integer-less-than-or-equal", integer(window.start()), AT));
    if (window.end() != HopWindows.OPEN_END) {
      time.add(match(FN + "integer-greater-than", integer(window.end()), AT));
    }
    List<Serializable> body = new ArrayList<>();
    body.add(new VariableDefinition(apply(FN + "string-one-and-only", designator(LEVEL)), "level"));
    JAXBElement<? extends ExpressionType> scope;
    if (window.scope() == null) {
      scope = value(XACML_BOOLEAN, "true");
    } else {
      List<JAXBElement<? extends ExpressionType>> scopeValues = new ArrayList<>();
      for (String topic : window.scope()) {
        scopeValues.add(string(topic));
      }
      scope = apply(FN + "and",
          apply(FN + "integer-greater-than", apply(FN + "string-bag-size", designator(TOPICS)), value(XACML_INTEGER, "0")),
          apply(FN + "string-subset", designator(TOPICS), XACML.createApply(new ApplyType(null, scopeValues, FN + "string-bag"))));
    }
    body.add(new VariableDefinition(scope, "scope"));
    String info = window.order() + "|" + window.agreement() + "|" + window.rule() + "|" + (window.assumed() ? 1 : 0) + "|" + (window.terminationPending() ? 1 : 0);
    int rule = 0;
    List<JAXBElement<? extends ExpressionType>> covered = new ArrayList<>();
    for (Map.Entry<String, String> row : window.translations().entrySet()) {
      covered.add(string(row.getKey()));
      Condition condition = new Condition(apply(FN + "and", apply(FN + "string-equal", variable("level"), string(row.getKey())), variable("scope")));
      ObligationExpressions permit = obligations("hop", EffectType.PERMIT, assignment("v", string(row.getValue() + "|" + info)));
      body.add(new Rule(null, null, condition, permit, null, "row" + rule++, EffectType.PERMIT));
    }
    ObligationExpressions explain = obligations("explain", EffectType.DENY,
        assignment("v", string(info)),
        assignment("scope", variable("scope")),
        assignment("level", apply(FN + "string-is-in", variable("level"), XACML.createApply(new ApplyType(null, covered, FN + "string-bag")))));
    body.add(new Rule(null, null, null, explain, null, "explain", EffectType.DENY));
    return new Policy(null, null, null, target(time), body, null, null, "w" + index + ":" + window.from() + ">" + window.to() + ":" + window.agreement(), "1.0", FIRST_APPLICABLE_RULE, null);
  }

  private static Target target(List<Match> allOf) {
    if (allOf.isEmpty()) {
      return new Target(List.of());
    }
    return new Target(List.of(new AnyOf(List.of(new AllOf(allOf)))));
  }

  private static Match match(String function, JAXBElement<AttributeValueType> literal, AttributeDesignatorType designator) {
    return new Match(literal.getValue(), null, designator, function);
  }

  private static JAXBElement<AttributeValueType> string(String text) {
    return value(XACML_STRING, text);
  }

  private static JAXBElement<AttributeValueType> integer(long number) {
    return value(XACML_INTEGER, Long.toString(number));
  }

  private static JAXBElement<AttributeValueType> value(String type, String text) {
    return XACML.createAttributeValue(new AttributeValueType(List.of(text), type, null));
  }

  private static JAXBElement<AttributeDesignatorType> designator(AttributeDesignatorType designator) {
    return XACML.createAttributeDesignator(designator);
  }

  private static JAXBElement<VariableReferenceType> variable(String id) {
    return XACML.createVariableReference(new VariableReferenceType(id));
  }

  @SafeVarargs
  private static JAXBElement<ApplyType> apply(String function, JAXBElement<? extends ExpressionType>... arguments) {
    List<JAXBElement<? extends ExpressionType>> list = new ArrayList<>(arguments.length);
    for (JAXBElement<? extends ExpressionType> argument : arguments) {
      list.add(argument);
    }
    return XACML.createApply(new ApplyType(null, list, function));
  }

  private static AttributeAssignmentExpression assignment(String id, JAXBElement<? extends ExpressionType> expression) {
    return new AttributeAssignmentExpression(expression, id, null, null);
  }

  private static ObligationExpressions obligations(String id, EffectType on, AttributeAssignmentExpression... assignments) {
    return new ObligationExpressions(List.of(new ObligationExpression(List.of(assignments), id, on)));
  }

  private final class Oracle implements HopOracle {
    @Override
    public HopAnswer hop(PartyCode from, Level levelAtSender, PartyCode to, Set<Topic> topics, Instant at) {
      BasePdpEngine pdp = bySender.get(from.value());
      if (pdp == null) {
        return HopAnswer.NO_AGREEMENT;
      }
      DecisionRequestBuilder<?> request = pdp.newRequestBuilder(-1, -1);
      request.putNamedAttributeIfAbsent(fromId, Bags.singletonAttributeBag(StandardDatatypes.STRING, new StringValue(from.value())));
      request.putNamedAttributeIfAbsent(toId, Bags.singletonAttributeBag(StandardDatatypes.STRING, new StringValue(to.value())));
      request.putNamedAttributeIfAbsent(atId, Bags.singletonAttributeBag(StandardDatatypes.INTEGER, IntegerValue.valueOf(at.getEpochSecond())));
      request.putNamedAttributeIfAbsent(levelId, Bags.singletonAttributeBag(StandardDatatypes.STRING, new StringValue(levelAtSender.qualified())));
      Collection<StringValue> topicValues = new ArrayList<>(topics.size());
      for (Topic topic : topics) {
        topicValues.add(new StringValue(topic.slug()));
      }
      request.putNamedAttributeIfAbsent(topicsId, Bags.newAttributeBag(StandardDatatypes.STRING, topicValues));
      DecisionResult result = pdp.evaluate(request.build(false));
      DecisionType decision = result.getDecision();
      if (decision == DecisionType.INDETERMINATE) {
        throw new IllegalStateException("authzforce: indeterminate " + result.getStatus());
      }
      if (decision == DecisionType.NOT_APPLICABLE) {
        return HopAnswer.NO_AGREEMENT;
      }
      String[] best = null;
      PepAction bestAction = null;
      for (PepAction action : result.getPepActions()) {
        String[] fields = text(action, "v").split("\\|");
        int order = Integer.parseInt(fields[decision == DecisionType.PERMIT ? 1 : 0]);
        if (best == null || order < Integer.parseInt(best[decision == DecisionType.PERMIT ? 1 : 0])) {
          best = fields;
          bestAction = action;
        }
      }
      if (best == null) {
        throw new IllegalStateException("authzforce: " + decision + " without an obligation");
      }
      if (decision == DecisionType.PERMIT) {
        return HopAnswer.lawful(best[0], best[2], ThirdPartyRule.valueOf(best[3]), best[4].equals("1"), best[5].equals("1"));
      }
      boolean scopeHolds = Boolean.parseBoolean(text(bestAction, "scope"));
      boolean levelHolds = Boolean.parseBoolean(text(bestAction, "level"));
      return HopAnswer.failing(best[1], !scopeHolds, !levelHolds);
    }

    private String text(PepAction action, String id) {
      for (PepActionAttributeAssignment<?> assignment : action.getAttributeAssignments()) {
        if (assignment.getAttributeId().equals(id)) {
          return String.valueOf(assignment.getValue().getContent().get(0));
        }
      }
      throw new IllegalStateException("authzforce: obligation " + action.getId() + " has no " + id);
    }
  }

}
