package org.pactbridge.bench.peer;

import com.googlecode.aviator.runtime.function.FunctionUtils;
import com.googlecode.aviator.runtime.type.AviatorBoolean;
import com.googlecode.aviator.runtime.type.AviatorObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.casbin.jcasbin.main.EnforceResult;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.casbin.jcasbin.util.function.CustomFunction;
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
 * jCasbin, written as a casbin user would: an ABAC model whose policy lines are the agreements' in-force
 * windows (one line per window and sender level, plus one {@code *} line per window), custom matcher
 * functions for time windows and topic scopes (casbin's documented extension point), and one enforcer
 * per party pair (policies sliced by pair: one enforcer over all 5,000 agreements scans every line on
 * every request). {@code enforceEx} names the matched line, which carries the recipient's level; a
 * refused hop is explained by three more matchers (constant strings, so casbin compiles each once) that
 * find the first agreement in force and test its scope and its levels; the request carries that
 * agreement in a sixth field that the main matcher ignores.
 */
public final class CasbinPeer implements Peer {
  static final String MODEL = """
      [request_definition]
      r = from, to, level, at, topics, agreement

      [policy_definition]
      p = from, to, level, target, start, end, scope, agreement, info

      [policy_effect]
      e = some(where (p.eft == allow))

      [matchers]
      m = r.from == p.from && r.to == p.to && r.level == p.level && within(r.at, p.start, p.end) && covers(p.scope, r.topics)
      """;

  private static final String IN_FORCE = "r.from == p.from && r.to == p.to && p.level == '*' && within(r.at, p.start, p.end)";
  private static final String SCOPE_HOLDS = IN_FORCE + " && p.agreement == r.agreement && covers(p.scope, r.topics)";
  private static final String LEVEL_HOLDS = IN_FORCE + " && p.agreement == r.agreement && listed(r.level, p.target)";

  private final Map<String, Enforcer> byPair = new HashMap<>();
  private final ReleaseRules rules;

  public CasbinPeer(Registry registry, Map<String, List<HopWindows.Window>> windows) {
    Map<String, List<List<String>>> lines = new HashMap<>();
    for (List<HopWindows.Window> pair : windows.values()) {
      for (HopWindows.Window window : pair) {
        List<List<String>> slice = lines.computeIfAbsent(sliceKey(window.from(), window.to()), k -> new ArrayList<>());
        String start = Long.toString(window.start());
        String end = Long.toString(window.end());
        String scope = window.scope() == null ? "*" : String.join(" ", window.scope());
        String info = window.order() + "|" + window.rule() + "|" + (window.assumed() ? 1 : 0) + "|" + (window.terminationPending() ? 1 : 0);
        for (Map.Entry<String, String> row : window.translations().entrySet()) {
          slice.add(List.of(window.from().value(), window.to().value(), row.getKey(), row.getValue(), start, end, scope, window.agreement(), info));
        }
        slice.add(List.of(window.from().value(), window.to().value(), "*", String.join(" ", window.translations().keySet()), start, end, scope,
            window.agreement(), info));
      }
    }
    for (Map.Entry<String, List<List<String>>> slice : lines.entrySet()) {
      // casbin keeps policy lines in insertion order; order them by agreement so the first match is the
      // agreement the engine relies on (the registry's order)
      slice.getValue().sort((x, y) -> Integer.compare(order(x), order(y)));
      Enforcer enforcer = new Enforcer(Model.newModelFromString(MODEL));
      enforcer.addFunction("within", new Within());
      enforcer.addFunction("covers", new Covers());
      enforcer.addFunction("listed", new Listed());
      enforcer.addPolicies(slice.getValue());
      byPair.put(slice.getKey(), enforcer);
    }
    this.rules = new ReleaseRules(registry, new Oracle());
  }

  @Override
  public String name() {
    return "jcasbin";
  }

  @Override
  public Verdict decide(ReleaseRequest request) {
    return rules.decide(request);
  }

  public ReleaseRules rules() {
    return rules;
  }

  private static int order(List<String> line) {
    String info = line.get(8);
    return Integer.parseInt(info.substring(0, info.indexOf('|')));
  }

  static String sliceKey(PartyCode a, PartyCode b) {
    return a.compareTo(b) < 0 ? a.value() + "|" + b.value() : b.value() + "|" + a.value();
  }

  static String topics(Set<Topic> topics) {
    if (topics.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (Topic topic : new TreeSet<>(topics)) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(topic.slug());
    }
    return out.toString();
  }

  private final class Oracle implements HopOracle {
    @Override
    public HopAnswer hop(PartyCode from, Level levelAtSender, PartyCode to, Set<Topic> topics, Instant at) {
      Enforcer enforcer = byPair.get(sliceKey(from, to));
      if (enforcer == null) {
        return HopAnswer.NO_AGREEMENT;
      }
      Object[] request = {from.value(), to.value(), levelAtSender.qualified(), at.getEpochSecond(), topics(topics), ""};
      EnforceResult permit = enforcer.enforceEx(request);
      if (permit.isAllow()) {
        List<String> line = permit.getExplain();
        String[] info = line.get(8).split("\\|");
        return HopAnswer.lawful(line.get(3), line.get(7), ThirdPartyRule.valueOf(info[1]), info[2].equals("1"), info[3].equals("1"));
      }
      EnforceResult inForce = enforcer.enforceExWithMatcher(IN_FORCE, request);
      if (!inForce.isAllow()) {
        return HopAnswer.NO_AGREEMENT;
      }
      String agreement = inForce.getExplain().get(7);
      request[5] = agreement;
      boolean scopeHolds = enforcer.enforceWithMatcher(SCOPE_HOLDS, request);
      boolean levelHolds = enforcer.enforceWithMatcher(LEVEL_HOLDS, request);
      return HopAnswer.failing(agreement, !scopeHolds, !levelHolds);
    }
  }

  /** {@code within(at, start, end)}: start ≤ at < end, epoch seconds. */
  static final class Within extends CustomFunction {
    private static final long serialVersionUID = 1L;

    @Override
    public AviatorObject call(Map<String, Object> env, AviatorObject at, AviatorObject start, AviatorObject end) {
      long now = FunctionUtils.getNumberValue(at, env).longValue();
      long from = Long.parseLong(FunctionUtils.getStringValue(start, env));
      long until = Long.parseLong(FunctionUtils.getStringValue(end, env));
      return AviatorBoolean.valueOf(from <= now && now < until);
    }

    @Override
    public String getName() {
      return "within";
    }
  }

  /** {@code covers(scope, topics)}: {@code *} covers everything; otherwise every topic is listed and there is one. */
  static final class Covers extends CustomFunction {
    private static final long serialVersionUID = 1L;

    @Override
    public AviatorObject call(Map<String, Object> env, AviatorObject scopeArg, AviatorObject topicsArg) {
      String scope = FunctionUtils.getStringValue(scopeArg, env);
      if (scope.equals("*")) {
        return AviatorBoolean.TRUE;
      }
      String topics = FunctionUtils.getStringValue(topicsArg, env);
      if (topics.isEmpty()) {
        return AviatorBoolean.FALSE;
      }
      List<String> covered = List.of(scope.split(" "));
      for (String topic : topics.split(" ")) {
        if (!covered.contains(topic)) {
          return AviatorBoolean.FALSE;
        }
      }
      return AviatorBoolean.TRUE;
    }

    @Override
    public String getName() {
      return "covers";
    }
  }

  /** {@code listed(word, list)}: the word is one of the blank-separated list. */
  static final class Listed extends CustomFunction {
    private static final long serialVersionUID = 1L;

    @Override
    public AviatorObject call(Map<String, Object> env, AviatorObject wordArg, AviatorObject listArg) {
      String word = FunctionUtils.getStringValue(wordArg, env);
      for (String entry : FunctionUtils.getStringValue(listArg, env).split(" ")) {
        if (entry.equals(word)) {
          return AviatorBoolean.TRUE;
        }
      }
      return AviatorBoolean.FALSE;
    }

    @Override
    public String getName() {
      return "listed";
    }
  }
}
