package org.pactbridge.bench.world;

import java.util.List;
import java.util.Set;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.UserContext;

/**
 * A seeded synthetic world (see {@link WorldGenerator}): the registry, the hubs, a million items, the
 * users and the requests the benchmark and the differential gate use. Immutable.
 */
public final class GeneratedWorld {
  private final GeneratorConfig config;
  private final Registry registry;
  private final Names names;
  private final List<PartyCode> hubs;
  private final Items items;
  private final UserContext[] users;
  private final List<GeneratedRequest> requests;

  GeneratedWorld(GeneratorConfig config, Registry registry, Names names, List<PartyCode> hubs, Items items, UserContext[] users, List<GeneratedRequest> requests) {
    this.config = config;
    this.registry = registry;
    this.names = names;
    this.hubs = List.copyOf(hubs);
    this.items = items;
    this.users = users;
    this.requests = List.copyOf(requests);
  }

  public GeneratorConfig config() {
    return config;
  }

  public Registry registry() {
    return registry;
  }

  public Names names() {
    return names;
  }

  /** The parties with the most agreements and the arrangements' hubs: the candidates a relay loop tries. */
  public List<PartyCode> hubs() {
    return hubs;
  }

  public Items items() {
    return items;
  }

  public int userCount() {
    return users.length;
  }

  public UserContext user(int index) {
    return users[index];
  }

  public List<GeneratedRequest> requests() {
    return requests;
  }

  /** Index ↔ name tables shared by the columnar items and users. */
  public static final class Names {
    private final PartyCode[] parties;
    private final Level[][] levels;
    private final Topic[] topics;
    private final String[] communities;

    Names(PartyCode[] parties, Level[][] levels, Topic[] topics, String[] communities) {
      this.parties = parties;
      this.levels = levels;
      this.topics = topics;
      this.communities = communities;
    }

    public int partyCount() {
      return parties.length;
    }

    public PartyCode party(int index) {
      return parties[index];
    }

    /** The party's levels, index 0 the unclassified one. Shared: do not modify. */
    public Level[] levels(int party) {
      return levels[party];
    }

    public int topicCount() {
      return topics.length;
    }

    public Topic topic(int index) {
      return topics[index];
    }

    public Set<Topic> topics(long bits) {
      return Items.topicSet(topics, bits);
    }

    public String community(int index) {
      return communities[index];
    }

    public int communityCount() {
      return communities.length;
    }
  }
}
