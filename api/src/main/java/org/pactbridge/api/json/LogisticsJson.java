package org.pactbridge.api.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.pactbridge.core.logistics.Balance;
import org.pactbridge.core.logistics.Obligation;
import org.pactbridge.core.logistics.ExerciseContext;
import org.pactbridge.core.logistics.SupportDecision;
import org.pactbridge.core.logistics.SupportReason;
import org.pactbridge.core.time.DateSpec;

/**
 * The JSON views of logistics that the command line ({@code support check --json}, {@code ledger
 * balances --json}, {@code ledger overdue --json}) and the node's {@code /api/v1/logistics} endpoints
 * share, so both print the same objects.
 */
public final class LogisticsJson {
  private LogisticsJson() {}

  /** The support decision object of docs/decision-json.md. */
  public static ObjectNode supportDecision(SupportDecision decision) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("decision", decision.outcome().name());
    node.put("at", DateSpec.format(decision.at()));
    ArrayNode agreements = node.putArray("agreements");
    decision.agreements().forEach(id -> agreements.add(id.value()));
    ArrayNode reasons = node.putArray("reasons");
    for (SupportReason reason : decision.reasons()) {
      ObjectNode item = reasons.addObject();
      item.put("code", reason.code().name());
      item.put("message", reason.message());
      item.put("effect", reason.denies() ? "DENY" : "INFO");
      item.put("agreement", reason.agreement() == null ? null : reason.agreement().value());
    }
    return node;
  }

  /**
   * The support decision with the exercise edition the request named as its context: the decision's
   * fields unchanged, and {@code exercise} (series, edition, dates, precision, location, assumed,
   * sources) beside them.
   */
  public static ObjectNode supportDecision(SupportDecision decision, ExerciseContext context) {
    ObjectNode node = supportDecision(decision);
    if (context != null) {
      ObjectNode exercise = node.putObject("exercise");
      exercise.put("id", context.exercise().id());
      exercise.put("edition", context.edition().number());
      exercise.put("dates", context.edition().dates());
      exercise.put("from", DateSpec.format(context.edition().from()));
      exercise.put("until", DateSpec.format(context.edition().until()));
      exercise.put("precision", DateSpec.jsonName(context.edition().precision()));
      exercise.put("location", context.edition().location());
      exercise.put("assumed", context.edition().assumed());
      ArrayNode sources = exercise.putArray("sources");
      context.edition().sources().forEach(sources::add);
    }
    return node;
  }

  /** Balances per agreement, party and currency. */
  public static ArrayNode balances(List<Balance> balances) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (Balance balance : balances) {
      ObjectNode node = array.addObject();
      node.put("agreement", balance.agreement().value());
      node.put("party", balance.party().value());
      node.put("currency", balance.currency());
      node.put("receivable", balance.receivable());
      node.put("payable", balance.payable());
      node.put("net", balance.net());
    }
    return array;
  }

  /** Obligations (overdue ones, as {@code ledger overdue --json} lists them). */
  public static ArrayNode obligations(List<Obligation> obligations) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (Obligation obligation : obligations) {
      ObjectNode node = array.addObject();
      node.put("sequence", obligation.transfer().sequence());
      node.put("agreement", obligation.transfer().agreement().value());
      node.put("debtor", obligation.transfer().receiver().value());
      node.put("creditor", obligation.transfer().supplier().value());
      node.put("outstanding", obligation.outstanding().amount());
      node.put("currency", obligation.outstanding().currency());
      node.put("due", DateSpec.format(obligation.due()));
      node.put("dueAssumed", obligation.dueAssumed());
    }
    return array;
  }
}
