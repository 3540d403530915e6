package org.pactbridge.core.label;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;

/**
 * A security label: what every marking format reads into and writes from.
 *
 * <ul>
 *   <li>the classification: a {@link Level} in the scheme of the first originator; a JOINT item has
 *       several originators, each of which counts as originator;
 *   <li>releasability: open, {@code NOFORN}, or a {@code REL TO} list of parties and communities;
 *   <li>dissemination controls and caveats ({@code ORCON}, {@code RELIDO}, …);
 *   <li>compartments: SCI, SAR and AEA control blocks; foreign-government-information sources;
 *   <li>topics and the declassification date, which markings do not carry but the release engine needs;
 *   <li>the STANAG 4774 policy contexts and administrative categories, kept for a faithful round trip.
 * </ul>
 *
 * Immutable; collections are in canonical order (originators and REL TO: {@code USA} first, then
 * trigraphs, then tetragraphs; controls in register order; compartments by block), so two labels that
 * mean the same are {@code equals}. The release engine's inputs are read straight off it:
 * {@link #originators()}, {@link #level()}, {@link #releasability()}, {@link #orcon()},
 * {@link #topics()}, {@link #declassifyOn()}.
 */
public final class SecurityLabel {
  private final List<PartyCode> originators;
  private final boolean joint;
  private final Level level;
  private final Releasability releasability;
  private final Set<Control> controls;
  private final List<Compartment> compartments;
  private final boolean fgi;
  private final List<String> fgiSources;
  private final List<String> contexts;
  private final List<String> administrative;
  private final boolean releaseOnly;
  private final Set<Topic> topics;
  private final Instant declassifyOn;

  private SecurityLabel(Builder builder) {
    Objects.requireNonNull(builder.level, "level");
    List<PartyCode> parties = distinct(builder.originators);
    if (parties.isEmpty()) {
      parties.add(builder.level.party());
    }
    parties.sort((a, b) -> Releasability.CANONICAL_ORDER.compare(a.value(), b.value()));
    this.originators = List.copyOf(parties);
    if (!originators.contains(builder.level.party())) {
      throw new IllegalArgumentException("level " + builder.level + " is in no originator's scheme " + originators);
    }
    this.joint = builder.joint || originators.size() > 1;
    this.level = builder.level;
    this.releasability = builder.releasability.canonical();
    EnumSet<Control> set = EnumSet.noneOf(Control.class);
    set.addAll(builder.controls);
    this.controls = java.util.Collections.unmodifiableSet(set);
    // A marking writes all SAR programs in one block with one prefix: the long form is a property of the block.
    boolean sarLong = false;
    for (Compartment compartment : builder.compartments) {
      sarLong |= compartment.kind() == Compartment.Kind.SAR && compartment.longForm();
    }
    List<Compartment> normalised = new ArrayList<>();
    for (Compartment compartment : builder.compartments) {
      normalised.add(compartment.kind() == Compartment.Kind.SAR && compartment.longForm() != sarLong
          ? new Compartment(Compartment.Kind.SAR, compartment.value(), sarLong) : compartment);
    }
    List<Compartment> sorted = distinct(normalised);
    sorted.sort(Compartment.CANONICAL_ORDER);
    this.compartments = List.copyOf(sorted);
    this.fgi = builder.fgi || !builder.fgiSources.isEmpty();
    if (builder.fgiSources.isEmpty()) {
      this.fgiSources = List.of();
    } else {
      TreeSet<String> sources = new TreeSet<>(Releasability.CANONICAL_ORDER);
      sources.addAll(builder.fgiSources);
      this.fgiSources = List.copyOf(sources);
    }
    this.contexts = builder.contexts.isEmpty() ? List.of() : List.copyOf(new LinkedHashSet<>(builder.contexts));
    this.administrative = builder.administrative.isEmpty() ? List.of() : List.copyOf(new LinkedHashSet<>(builder.administrative));
    this.releaseOnly = builder.releaseOnly && releasability.hasRelTo();
    this.topics = builder.topics.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(builder.topics));
    this.declassifyOn = builder.declassifyOn;
  }

  /** A mutable copy without repeats, first occurrence kept; quadratic, for the short lists of a label. */
  private static <T> List<T> distinct(List<T> items) {
    List<T> out = new ArrayList<>(items.size() + 1);
    for (T item : items) {
      if (!out.contains(item)) {
        out.add(item);
      }
    }
    return out;
  }

  public static Builder builder(Level level) {
    return new Builder(level);
  }

  public Builder toBuilder() {
    Builder builder = new Builder(level);
    builder.originators.addAll(originators);
    builder.joint = joint;
    builder.releasability = releasability;
    builder.controls.addAll(controls);
    builder.compartments.addAll(compartments);
    builder.fgi = fgi;
    builder.fgiSources.addAll(fgiSources);
    builder.contexts.addAll(contexts);
    builder.administrative.addAll(administrative);
    builder.releaseOnly = releaseOnly;
    builder.topics.addAll(topics);
    builder.declassifyOn = declassifyOn;
    return builder;
  }

  /** The originators in canonical order; one unless the item is JOINT. */
  public List<PartyCode> originators() {
    return originators;
  }

  /** The originators as the release engine takes them. */
  public Set<PartyCode> originatorSet() {
    return Set.copyOf(originators);
  }

  public boolean joint() {
    return joint;
  }

  /** The classification, in the scheme of the first originator. */
  public Level level() {
    return level;
  }

  public Releasability releasability() {
    return releasability;
  }

  /** Dissemination controls and caveats in register order. */
  public Set<Control> controls() {
    return controls;
  }

  /** True when every release beyond the originators needs their approval ({@code ORCON}). */
  public boolean orcon() {
    return controls.contains(Control.ORCON) || controls.contains(Control.ORCON_USGOV);
  }

  /** SCI, SAR and AEA compartments, in that block order. */
  public List<Compartment> compartments() {
    return compartments;
  }

  /** True when the label carries foreign government information. */
  public boolean fgi() {
    return fgi;
  }

  /** The named sources of foreign government information; empty when concealed. */
  public List<String> fgiSources() {
    return fgiSources;
  }

  /** STANAG 4774 policy contexts ({@code NATO}, {@code KFOR}, {@code EAPC}) besides the policy itself. */
  public List<String> contexts() {
    return contexts;
  }

  /** STANAG 4774 administrative (informative) categories such as {@code STAFF}. */
  public List<String> administrative() {
    return administrative;
  }

  /** True when the REL TO list was given as a STANAG 4774 "Only" category (exclusive). */
  public boolean releaseOnly() {
    return releaseOnly;
  }

  public Set<Topic> topics() {
    return topics;
  }

  /** The declassification instant, or {@code null}. */
  public Instant declassifyOn() {
    return declassifyOn;
  }

  /**
   * Every compartment's access token, in the label's order: what a user's authorizations must all
   * hold ({@link org.pactbridge.core.label.access.AccessExpression#ofCompartments} joins them by
   * {@code &}; the access package depends on labels, not the reverse).
   */
  public List<String> compartmentTokens() {
    List<String> tokens = new ArrayList<>(compartments.size());
    for (Compartment compartment : compartments) {
      tokens.add(compartment.accessToken());
    }
    return tokens;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SecurityLabel that
        && that.originators.equals(originators)
        && that.joint == joint
        && that.level.equals(level)
        && that.releasability.equals(releasability)
        && that.controls.equals(controls)
        && that.compartments.equals(compartments)
        && that.fgi == fgi
        && that.fgiSources.equals(fgiSources)
        && that.contexts.equals(contexts)
        && that.administrative.equals(administrative)
        && that.releaseOnly == releaseOnly
        && that.topics.equals(topics)
        && Objects.equals(that.declassifyOn, declassifyOn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(originators, level, releasability, controls, compartments, fgiSources, contexts, topics);
  }

  @Override
  public String toString() {
    return "SecurityLabel[" + level + " from " + originators + (joint ? " JOINT" : "") + ", " + releasability
        + ", controls " + controls + ", compartments " + compartments + (fgi ? ", FGI " + fgiSources : "")
        + (contexts.isEmpty() ? "" : ", contexts " + contexts) + (administrative.isEmpty() ? "" : ", administrative " + administrative)
        + (topics.isEmpty() ? "" : ", topics " + topics) + (declassifyOn == null ? "" : ", declassify on " + declassifyOn) + "]";
  }

  /** Collects the parts of a label; not thread-safe. */
  public static final class Builder {
    private final List<PartyCode> originators = new ArrayList<>();
    private boolean joint;
    private Level level;
    private Releasability releasability = Releasability.open();
    private final List<Control> controls = new ArrayList<>();
    private final List<Compartment> compartments = new ArrayList<>();
    private boolean fgi;
    private final List<String> fgiSources = new ArrayList<>();
    private final List<String> contexts = new ArrayList<>();
    private final List<String> administrative = new ArrayList<>();
    private boolean releaseOnly;
    private final Set<Topic> topics = new LinkedHashSet<>();
    private Instant declassifyOn;

    private Builder(Level level) {
      this.level = Objects.requireNonNull(level, "level");
    }

    public Builder level(Level newLevel) {
      this.level = Objects.requireNonNull(newLevel, "level");
      return this;
    }

    /** Adds an originator; the level's party is an originator without being added. */
    public Builder originator(PartyCode party) {
      originators.add(Objects.requireNonNull(party));
      return this;
    }

    /** Marks the label JOINT with these co-originators (the level's party among them). */
    public Builder joint(Collection<PartyCode> parties) {
      joint = true;
      originators.addAll(parties);
      return this;
    }

    public Builder releasability(Releasability newReleasability) {
      this.releasability = Objects.requireNonNull(newReleasability);
      return this;
    }

    public Builder control(Control control) {
      controls.add(Objects.requireNonNull(control));
      return this;
    }

    public Builder compartment(Compartment compartment) {
      compartments.add(Objects.requireNonNull(compartment));
      return this;
    }

    public Builder fgi(Collection<String> sources) {
      fgi = true;
      fgiSources.addAll(sources);
      return this;
    }

    public Builder context(String context) {
      contexts.add(Objects.requireNonNull(context));
      return this;
    }

    public Builder administrative(String category) {
      administrative.add(Objects.requireNonNull(category));
      return this;
    }

    public Builder releaseOnly(boolean only) {
      releaseOnly = only;
      return this;
    }

    public Builder topics(Collection<Topic> newTopics) {
      topics.addAll(newTopics);
      return this;
    }

    public Builder declassifyOn(Instant instant) {
      declassifyOn = instant;
      return this;
    }

    public SecurityLabel build() {
      return new SecurityLabel(this);
    }
  }
}
