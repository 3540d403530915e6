package org.pactbridge.bench.peer;

import com.cedarpolicy.AuthorizationEngine;
import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.entity.Entities;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.CedarList;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * Cedar (cedar-java, native engine), written as a Cedar user would: parties are {@code Party}
 * entities, a hop is action {@code Action::"hop"} from principal (sender) to resource (receiver) with
 * the instant, the sender's level and the topics in the context; each in-force window and sender level
 * is one {@code permit} policy, and the policies are sliced per party pair into their own policy set,
 * cached on the native side ({@link PolicySet#cache()}). The determining policy names the recipient's
 * level. A refused hop is explained by one more request, {@code Action::"explain"}, against policies
 * that say whether a window is in force, whether its scope covers the topics, and whether it lists
 * the level.
 */
public final class CedarPeer implements Peer {
  private static final EntityTypeName PARTY = EntityTypeName.parse("Party").orElseThrow();
  private static final EntityTypeName ACTION = EntityTypeName.parse("Action").orElseThrow();
  private static final EntityUID HOP = new EntityUID(ACTION, "hop");
  private static final EntityUID EXPLAIN = new EntityUID(ACTION, "explain");

  /** What a policy id stands for. */
  private record Meta(int order, String kind, String level, HopWindows.Window window) {}

  private static final java.util.concurrent.atomic.AtomicInteger CACHED = new java.util.concurrent.atomic.AtomicInteger();

  private final AuthorizationEngine engine = new BasicAuthorizationEngine();
  private final Entities entities = new Entities();
  private final Map<String, PolicySet> byPair = new HashMap<>();
  private final Map<String, Meta> meta = new HashMap<>();
  private final Map<String, EntityUID> partyIds = new HashMap<>();
  private final ReleaseRules rules;

  public CedarPeer(Registry registry, Map<String, List<HopWindows.Window>> windows) {
    Map<String, Set<Policy>> slices = new HashMap<>();
    int next = 0;
    try {
      for (List<HopWindows.Window> pair : windows.values()) {
        for (HopWindows.Window window : pair) {
          Set<Policy> slice = slices.computeIfAbsent(CasbinPeer.sliceKey(window.from(), window.to()), k -> new LinkedHashSet<>());
          String head = "(principal == Party::\"" + window.from() + "\", action == Action::\"%s\", resource == Party::\"" + window.to() + "\")";
          String when = "context.at >= " + window.start() + (window.end() == HopWindows.OPEN_END ? "" : " && context.at < " + window.end());
          String scope = window.scope() == null ? "true" : "context.topicCount > 0 && " + list(window.scope()) + ".containsAll(context.topics)";
          for (Map.Entry<String, String> row : window.translations().entrySet()) {
            String id = "p" + next++;
            meta.put(id, new Meta(window.order(), "permit", row.getValue(), window));
            slice.add(new Policy("permit" + String.format(head, "hop") + " when { " + when + " && context.level == \"" + row.getKey() + "\" && " + scope + " };", id));
          }
          String inForce = "p" + next++;
          meta.put(inForce, new Meta(window.order(), "inForce", null, window));
          slice.add(new Policy("permit" + String.format(head, "explain") + " when { " + when + " };", inForce));
          String inScope = "p" + next++;
          meta.put(inScope, new Meta(window.order(), "scope", null, window));
          slice.add(new Policy("permit" + String.format(head, "explain") + " when { " + when + " && " + scope + " };", inScope));
          String covered = "p" + next++;
          meta.put(covered, new Meta(window.order(), "level", null, window));
          slice.add(new Policy(
              "permit" + String.format(head, "explain") + " when { " + when + " && " + list(window.translations().keySet()) + ".contains(context.level) };", covered));
        }
      }
      // the native cache is one per process and keeps the sets of every CedarPeer built in it
      PolicySet.setCacheMaxPolicySets(CACHED.addAndGet(slices.size()) + 16);
      for (Map.Entry<String, Set<Policy>> slice : slices.entrySet()) {
        PolicySet set = new PolicySet(slice.getValue());
        set.cache();
        byPair.put(slice.getKey(), set);
      }
    } catch (com.cedarpolicy.model.exception.CacheException e) {
      throw new IllegalStateException("cedar could not load the policies: " + e.getMessage(), e);
    }
    this.rules = new ReleaseRules(registry, new Oracle());
  }

  private static String list(Iterable<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (String value : values) {
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append('"').append(value).append('"');
    }
    return out.append(']').toString();
  }

  @Override
  public String name() {
    return "cedar";
  }

  @Override
  public Verdict decide(ReleaseRequest request) {
    return rules.decide(request);
  }

  public ReleaseRules rules() {
    return rules;
  }

  private EntityUID party(PartyCode code) {
    return partyIds.computeIfAbsent(code.value(), value -> new EntityUID(PARTY, value));
  }

  private AuthorizationSuccessResponse ask(EntityUID action, PartyCode from, PartyCode to, Map<String, Value> context, PolicySet policies) {
    try {
      AuthorizationResponse response = engine.isAuthorized(new AuthorizationRequest(party(from), action, party(to), context), policies, entities);
      AuthorizationSuccessResponse success = response.success.orElseThrow(
          () -> new IllegalStateException("cedar failed: " + response.errors));
      if (!success.getErrors().isEmpty()) {
        throw new IllegalStateException("cedar evaluation errors: " + success.getErrors());
      }
      return success;
    } catch (AuthException e) {
      throw new IllegalStateException("cedar failed: " + e.getMessage(), e);
    }
  }

  private Meta first(Set<String> ids, String kind) {
    Meta best = null;
    for (String id : ids) {
      Meta candidate = meta.get(id);
      if (candidate.kind().equals(kind) && (best == null || candidate.order() < best.order())) {
        best = candidate;
      }
    }
    return best;
  }

  private final class Oracle implements HopOracle {
    @Override
    public HopAnswer hop(PartyCode from, Level levelAtSender, PartyCode to, Set<Topic> topics, Instant at) {
      PolicySet policies = byPair.get(CasbinPeer.sliceKey(from, to));
      if (policies == null) {
        return HopAnswer.NO_AGREEMENT;
      }
      Map<String, Value> context = new HashMap<>();
      context.put("at", new PrimLong(at.getEpochSecond()));
      context.put("level", new PrimString(levelAtSender.qualified()));
      List<Value> topicValues = new ArrayList<>(topics.size());
      for (Topic topic : new TreeSet<>(topics)) {
        topicValues.add(new PrimString(topic.slug()));
      }
      context.put("topics", new CedarList(topicValues));
      context.put("topicCount", new PrimLong(topics.size()));
      AuthorizationSuccessResponse permit = ask(HOP, from, to, context, policies);
      if (permit.isAllowed()) {
        Meta row = first(permit.getReason(), "permit");
        HopWindows.Window window = row.window();
        return HopAnswer.lawful(row.level(), window.agreement(), window.rule(), window.assumed(), window.terminationPending());
      }
      Set<String> explained = ask(EXPLAIN, from, to, context, policies).getReason();
      Meta inForce = first(explained, "inForce");
      if (inForce == null) {
        return HopAnswer.NO_AGREEMENT;
      }
      boolean scopeHolds = false;
      boolean levelHolds = false;
      for (String id : explained) {
        Meta satisfied = meta.get(id);
        if (satisfied.window() == inForce.window()) {
          scopeHolds |= satisfied.kind().equals("scope");
          levelHolds |= satisfied.kind().equals("level");
        }
      }
      return HopAnswer.failing(inForce.window().agreement(), !scopeHolds, !levelHolds);
    }
  }
}
