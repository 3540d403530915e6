package org.pactbridge.api.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.EventType;
import org.pactbridge.core.agreement.Timeline;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.whatif.Hypothesis;
import org.pactbridge.core.whatif.Probe;

/**
 * A what-if question, as {@code POST /api/v1/whatif} and {@code pactbridge whatif FILE} read it:
 *
 * <pre>
 * { "at": "2019-12-01", "parties": ["KOR", "JPN", "USA"], "topics": ["dprk-missile"],
 *   "events": [ { "agreement": "ROK-JPN-GSOMIA-2016", "type": "TERMINATED", "at": "2019-11-23" } ],
 *   "agreements": [ { "id": "ROK-JPN-ACSA-X", "kind": "INFORMATION", "parties": ["KOR", "JPN"],
 *                     "provisionsFrom": "ROK-JPN-GSOMIA-2016",
 *                     "events": [ { "type": "IN_FORCE", "at": "2011-01-01" } ] } ],
 *   "requests": [ { …a decision body… } ] }
 * </pre>
 *
 * A new agreement copies the provisions (equivalence table, scope, third-party rule, channel) of an
 * existing one named by {@code provisionsFrom}. Requests are identified by their index.
 */
public record WhatIfBody(
    String at,
    List<String> parties,
    List<String> topics,
    List<EventBody> events,
    List<AgreementBody> agreements,
    List<DecisionBody> requests) {

  /** A hypothetical event on an existing agreement (or, inside {@link AgreementBody}, on a new one). */
  public record EventBody(String agreement, String type, String at, String takesEffect, String note) {
    TimelineEvent toEvent(String where) {
      if (type == null) {
        throw InvalidInputException.invalid("MISSING_FIELD", where + ".type", "missing field '" + where + ".type'");
      }
      if (at == null) {
        throw InvalidInputException.invalid("MISSING_FIELD", where + ".at", "missing field '" + where + ".at'");
      }
      EventType eventType;
      try {
        eventType = EventType.valueOf(type.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.invalid("UNKNOWN_EVENT_TYPE", type, "unknown event type '" + type + "' at " + where + ".type");
      }
      Instant instant = DateSpec.parseInstant(at);
      Instant effect = takesEffect == null ? null : DateSpec.parseInstant(takesEffect);
      try {
        return new TimelineEvent(eventType, instant, effect, false, List.of(), note == null ? "hypothetical" : note);
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.invalid("BAD_EVENT", where, where + ": " + e.getMessage());
      }
    }
  }

  /** A hypothetical agreement. */
  public record AgreementBody(String id, String kind, String title, List<String> parties, String provisionsFrom, List<EventBody> events) {}

  /** The changes. */
  public Hypothesis hypothesis(Registry registry) {
    Map<AgreementId, List<TimelineEvent>> added = new LinkedHashMap<>();
    List<EventBody> eventList = events == null ? List.of() : events;
    for (int i = 0; i < eventList.size(); i++) {
      EventBody event = eventList.get(i);
      String where = "events[" + i + "]";
      if (event.agreement() == null) {
        throw InvalidInputException.invalid("MISSING_FIELD", where + ".agreement", "missing field '" + where + ".agreement'");
      }
      AgreementId id = registry.requireAgreement(AgreementId.of(event.agreement())).id();
      added.computeIfAbsent(id, key -> new ArrayList<>()).add(event.toEvent(where));
    }
    List<Agreement> newAgreements = new ArrayList<>();
    List<AgreementBody> agreementList = agreements == null ? List.of() : agreements;
    for (int i = 0; i < agreementList.size(); i++) {
      newAgreements.add(agreement(registry, agreementList.get(i), "agreements[" + i + "]"));
    }
    return new Hypothesis(added, newAgreements);
  }

  private static Agreement agreement(Registry registry, AgreementBody body, String where) {
    if (body.id() == null) {
      throw InvalidInputException.invalid("MISSING_FIELD", where + ".id", "missing field '" + where + ".id'");
    }
    if (body.provisionsFrom() == null) {
      throw InvalidInputException.invalid("MISSING_FIELD", where + ".provisionsFrom", "missing field '" + where + ".provisionsFrom'");
    }
    AgreementKind named;
    try {
      named = body.kind() == null ? null : AgreementKind.valueOf(body.kind().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.invalid("UNKNOWN_KIND", body.kind(), "unknown agreement kind '" + body.kind() + "' at " + where + ".kind");
    }
    Agreement model = registry.requireAgreement(AgreementId.of(body.provisionsFrom()));
    // provisions are of one kind: a copy is of its model's kind unless the body names one (and then they must agree)
    AgreementKind kind = named == null ? model.kind() : named;
    List<PartyCode> partyCodes = new ArrayList<>();
    for (String party : DecisionBody.split(body.parties())) {
      partyCodes.add(registry.requireParty(party).code());
    }
    List<TimelineEvent> timeline = new ArrayList<>();
    List<EventBody> eventList = body.events() == null ? List.of() : body.events();
    for (int i = 0; i < eventList.size(); i++) {
      timeline.add(eventList.get(i).toEvent(where + ".events[" + i + "]"));
    }
    try {
      return new Agreement(AgreementId.of(body.id()), kind, body.title() == null ? body.id() + " (hypothetical)" : body.title(), partyCodes,
          new Timeline(timeline), model.versions(), List.of(), "hypothetical; provisions of " + model.id());
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.invalid("BAD_AGREEMENT", where, where + ": " + e.getMessage());
    }
  }

  /** The instant of the comparison ({@code now} when absent). */
  public Instant instant(Instant now) {
    return at == null ? now : DateSpec.parseInstant(at);
  }

  /** The parties of the coverage matrix (KOR, JPN, USA when absent; {@code all} for every party). */
  public List<PartyCode> partyCodes(Registry registry) {
    List<String> tokens = DecisionBody.split(parties);
    List<PartyCode> codes = new ArrayList<>();
    if (tokens.isEmpty()) {
      tokens = List.of("KOR", "JPN", "USA");
    }
    if (tokens.size() == 1 && tokens.get(0).equalsIgnoreCase("all")) {
      registry.parties().forEach(party -> codes.add(party.code()));
      return codes;
    }
    for (String token : tokens) {
      codes.add(registry.requireParty(token).code());
    }
    return codes;
  }

  public Set<Topic> topicSet() {
    Set<Topic> set = new LinkedHashSet<>();
    DecisionBody.split(topics).forEach(slug -> set.add(Topic.of(slug)));
    return set;
  }

  /** The requests as probes named {@code requests[i]}, each at the what-if instant unless it gives its own. */
  public List<Probe> probes(Registry registry, Instant instant) {
    List<Probe> probes = new ArrayList<>();
    List<DecisionBody> list = requests == null ? List.of() : requests;
    for (int i = 0; i < list.size(); i++) {
      probes.add(new Probe("requests[" + i + "]", list.get(i).toRequest(registry, instant)));
    }
    return probes;
  }
}
