package org.pactbridge.core.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.agreement.Timeline;
import org.pactbridge.core.index.DenseIndex;
import org.pactbridge.core.party.Community;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;

/**
 * An immutable snapshot of the world: parties, communities, agreements. Agreements are indexed by
 * ordered party pair and kind into a dense matrix, so finding the information agreements between two
 * parties is two hash look-ups and an array read. Safe to share between threads; build a new snapshot
 * to change anything ({@link #withEvents} for what-if).
 */
public final class Registry {
  private static final Agreement[] NONE = new Agreement[0];

  private final Map<PartyCode, Party> parties;
  private final Map<String, Community> communities;
  private final Map<AgreementId, Agreement> agreements;
  private final PartyCode[] codeOfOrdinal;
  private final DenseIndex<PartyCode> partyIndex;
  private final Agreement[][][] byPairAndKind; // [kind][a * n + b]
  private final Agreement[][] byParty; // information agreements of each party
  private final List<Agreement> arrangements;
  private final List<String> knownPartnersWithoutDates;
  private final List<PartnerCount> partnerCounts;
  private final List<Exercise> exercises;
  private final Set<String> cited;
  private final Map<String, Source> sources;
  private final int size;

  private Registry(Builder builder) {
    this.parties = Map.copyOf(builder.parties);
    this.communities = Map.copyOf(builder.communities);
    this.agreements = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.agreements));
    this.knownPartnersWithoutDates = List.copyOf(builder.knownPartners);
    this.partnerCounts = List.copyOf(builder.partnerCounts);
    this.exercises = List.copyOf(builder.exercises.values());
    this.cited = Set.copyOf(builder.cited);
    this.sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.sources));
    List<PartyCode> codes = new ArrayList<>(builder.parties.keySet());
    codes.sort(null);
    this.codeOfOrdinal = codes.toArray(new PartyCode[0]);
    this.size = codes.size();
    this.partyIndex = new DenseIndex<>(codes);
    int kinds = AgreementKind.values().length;
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<Agreement>[][] lists = new List[kinds][size * size];
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<Agreement>[] partyLists = new List[size];
    List<Agreement> arrangementList = new ArrayList<>();
    for (Agreement agreement : builder.agreements.values()) {
      for (PartyCode party : agreement.parties()) {
        if (partyIndex.numberOf(party) < 0) {
          throw new IllegalArgumentException("agreement " + agreement.id() + " names unknown party " + party);
        }
      }
      if (agreement.kind() == AgreementKind.ARRANGEMENT) {
        arrangementList.add(agreement);
      }
      for (PartyCode a : agreement.parties()) {
        int ia = partyIndex.numberOf(a);
        if (agreement.kind() == AgreementKind.INFORMATION) {
          if (partyLists[ia] == null) {
            partyLists[ia] = new ArrayList<>();
          }
          partyLists[ia].add(agreement);
        }
        for (PartyCode b : agreement.parties()) {
          if (a.equals(b)) {
            continue;
          }
          int slot = ia * size + partyIndex.numberOf(b);
          List<Agreement>[] ofKind = lists[agreement.kind().ordinal()];
          if (ofKind[slot] == null) {
            ofKind[slot] = new ArrayList<>(2);
          }
          ofKind[slot].add(agreement);
        }
      }
    }
    this.byPairAndKind = new Agreement[kinds][size * size][];
    for (int k = 0; k < kinds; k++) {
      for (int slot = 0; slot < size * size; slot++) {
        List<Agreement> list = lists[k][slot];
        byPairAndKind[k][slot] = list == null ? NONE : list.toArray(NONE);
      }
    }
    this.byParty = new Agreement[size][];
    for (int i = 0; i < size; i++) {
      byParty[i] = partyLists[i] == null ? NONE : partyLists[i].toArray(NONE);
    }
    this.arrangements = List.copyOf(arrangementList);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Collection<Party> parties() {
    List<Party> sorted = new ArrayList<>(parties.values());
    sorted.sort((x, y) -> x.code().compareTo(y.code()));
    return sorted;
  }

  public Optional<Party> findParty(PartyCode code) {
    return Optional.ofNullable(parties.get(code));
  }

  /** The party, or {@link InvalidInputException#unknownParty}. */
  public Party requireParty(PartyCode code) {
    Party party = parties.get(code);
    if (party == null) {
      throw InvalidInputException.unknownParty(code.value());
    }
    return party;
  }

  /** Reads a party token (case-insensitive) and requires it to be known. */
  public Party requireParty(String token) {
    PartyCode code;
    try {
      code = PartyCode.parse(token);
    } catch (InvalidInputException malformed) {
      throw InvalidInputException.unknownParty(token);
    }
    return requireParty(code);
  }

  public Map<String, Community> communities() {
    return communities;
  }

  public Optional<Community> findCommunity(String name) {
    return Optional.ofNullable(communities.get(name));
  }

  /** Agreements in the order they were added. */
  public Collection<Agreement> agreements() {
    return agreements.values();
  }

  public Optional<Agreement> findAgreement(AgreementId id) {
    return Optional.ofNullable(agreements.get(id));
  }

  public Agreement requireAgreement(AgreementId id) {
    Agreement agreement = agreements.get(id);
    if (agreement == null) {
      throw InvalidInputException.unknownAgreement(id.value());
    }
    return agreement;
  }

  /** The sources facts cite, by id. */
  public Map<String, Source> sources() {
    return sources;
  }

  /** Partners known to have an instrument that no source places in time. */
  public List<String> knownPartnersWithoutDates() {
    return knownPartnersWithoutDates;
  }

  /** The counts of partners that the record gives, in the order the world lists them. */
  public List<PartnerCount> partnerCounts() {
    return partnerCounts;
  }

  /**
   * The source ids the world's files cite anywhere, including where the registry keeps no sources (a
   * scheme's, a logistics condition's): empty for a registry not read from world files.
   */
  public Set<String> citedSources() {
    return cited;
  }

  /** The exercise series the world dates, in the order it lists them. */
  public List<Exercise> exercises() {
    return exercises;
  }

  /** An exercise series by id. */
  public Optional<Exercise> findExercise(String id) {
    return exercises.stream().filter(exercise -> exercise.id().equals(id)).findFirst();
  }

  /** The party's counts dated at or before the instant, newest first: what the record says of that time. */
  public List<PartnerCount> partnerCountsOf(PartyCode party, Instant at) {
    List<PartnerCount> counts = new ArrayList<>();
    for (PartnerCount count : partnerCounts) {
      if (count.party().equals(party) && !count.asOf().isAfter(at)) {
        counts.add(count);
      }
    }
    counts.sort(Comparator.comparing(PartnerCount::asOf).reversed());
    return counts;
  }

  /**
   * Agreements of a kind between two parties, in registry order. The returned array is shared: do not
   * modify it. Cost: two hash look-ups; no allocation.
   */
  public Agreement[] between(PartyCode a, PartyCode b, AgreementKind kind) {
    return between(indexOf(a), indexOf(b), kind);
  }

  /**
   * The party's dense index in this snapshot (0 to {@link #partyCount()} − 1, in code order), or −1 for
   * an unknown party: for callers that look up many pairs with one party fixed. Cost: a probe of a
   * {@link DenseIndex}.
   */
  public int indexOf(PartyCode party) {
    return partyIndex.numberOf(party);
  }

  /** The party at a dense index from {@link #indexOf}. */
  public PartyCode codeAt(int index) {
    return codeOfOrdinal[index];
  }

  /** The number of parties, the bound of {@link #indexOf}. */
  public int partyCount() {
    return size;
  }

  /**
   * As {@link #between(PartyCode, PartyCode, AgreementKind)} with indices from {@link #indexOf}; −1
   * gives none. Cost: an array read.
   */
  public Agreement[] between(int a, int b, AgreementKind kind) {
    if (a < 0 || b < 0) {
      return NONE;
    }
    return byPairAndKind[kind.ordinal()][a * size + b];
  }

  /** Information agreements a party is a party to. Shared array: do not modify. */
  public Agreement[] informationAgreementsOf(PartyCode party) {
    int index = indexOf(party);
    return index < 0 ? NONE : byParty[index];
  }

  public List<Agreement> arrangements() {
    return arrangements;
  }

  /**
   * A new snapshot with hypothetical events added to the timelines of existing agreements, and new
   * agreements added: the basis of what-if.
   */
  public Registry withEvents(Map<AgreementId, List<TimelineEvent>> addedEvents, List<Agreement> addedAgreements) {
    Builder copy = toBuilder();
    for (Map.Entry<AgreementId, List<TimelineEvent>> entry : addedEvents.entrySet()) {
      Agreement original = requireAgreement(entry.getKey());
      List<TimelineEvent> events = new ArrayList<>(original.timeline().events());
      events.addAll(entry.getValue());
      copy.agreements.put(
          original.id(),
          new Agreement(
              original.id(), original.kind(), original.title(), original.parties(), new Timeline(events),
              original.versions(), original.sources(), original.note()));
    }
    for (Agreement agreement : addedAgreements) {
      copy.agreement(agreement);
    }
    return copy.build();
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.parties.putAll(parties);
    builder.communities.putAll(communities);
    builder.agreements.putAll(agreements);
    builder.knownPartners.addAll(knownPartnersWithoutDates);
    builder.partnerCounts.addAll(partnerCounts);
    exercises.forEach(exercise -> builder.exercises.put(exercise.id(), exercise));
    builder.cited.addAll(cited);
    builder.sources.putAll(sources);
    return builder;
  }

  /** Collects parties, communities and agreements; {@link #build()} indexes them. Not thread-safe. */
  public static final class Builder {
    private Builder() {}

    private final Map<PartyCode, Party> parties = new LinkedHashMap<>();
    private final Map<String, Community> communities = new LinkedHashMap<>();
    private final Map<AgreementId, Agreement> agreements = new LinkedHashMap<>();
    private final List<String> knownPartners = new ArrayList<>();
    private final List<PartnerCount> partnerCounts = new ArrayList<>();
    private final Map<String, Exercise> exercises = new LinkedHashMap<>();
    private final Set<String> cited = new LinkedHashSet<>();
    private final Map<String, Source> sources = new LinkedHashMap<>();

    public Builder source(Source source) {
      if (sources.putIfAbsent(source.id(), source) != null) {
        throw new IllegalArgumentException("source " + source.id() + " is defined twice");
      }
      return this;
    }

    public boolean hasSource(String id) {
      return sources.containsKey(id);
    }

    public Builder party(Party party) {
      if (parties.putIfAbsent(party.code(), party) != null) {
        throw new IllegalArgumentException("party " + party.code() + " is defined twice");
      }
      return this;
    }

    public Builder community(Community community) {
      if (communities.putIfAbsent(community.name(), community) != null) {
        throw new IllegalArgumentException("community " + community.name() + " is defined twice");
      }
      return this;
    }

    public Builder agreement(Agreement agreement) {
      if (agreements.putIfAbsent(agreement.id(), agreement) != null) {
        throw new IllegalArgumentException("agreement " + agreement.id() + " is defined twice");
      }
      return this;
    }

    public Builder knownPartner(String description) {
      knownPartners.add(description);
      return this;
    }

    /** Records that the world cites a source, where the registry may not keep the citation itself. */
    public Builder cite(String id) {
      cited.add(id);
      return this;
    }

    public Builder exercise(Exercise exercise) {
      if (exercises.putIfAbsent(exercise.id(), exercise) != null) {
        throw new IllegalArgumentException("exercise " + exercise.id() + " is defined twice");
      }
      return this;
    }

    public boolean hasExercise(String id) {
      return exercises.containsKey(id);
    }

    public Builder partnerCount(PartnerCount count) {
      partnerCounts.add(count);
      return this;
    }

    public boolean hasParty(PartyCode code) {
      return parties.containsKey(code);
    }

    public boolean hasCommunity(String name) {
      return communities.containsKey(name);
    }

    public boolean hasAgreement(AgreementId id) {
      return agreements.containsKey(id);
    }

    public Optional<Party> findParty(PartyCode code) {
      return Optional.ofNullable(parties.get(code));
    }

    public Registry build() {
      return new Registry(this);
    }
  }
}
