package org.pactbridge.core.logistics.terms;

import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one version of a logistics agreement allows: the categories it covers and those it excludes
 * (weapons always), categories allowed only in some activities (ammunition in armed-attack
 * situations), the permitted activities, the area restrictions, the reimbursement modes and the
 * settlement period. {@code assumed} marks categories, activities and modes that no source gives;
 * {@code settlementAssumed} a modelled settlement period; each area restriction and conditional
 * category carries its own mark. Immutable and thread-safe; checks are enum-set look-ups.
 */
public final class LogisticsTerms {
  private final EnumSet<Category> categories;
  private final EnumSet<Category> excluded;
  private final Map<Category, EnumSet<Activity>> onlyIn;
  private final EnumSet<Activity> activities;
  private final List<AreaRestriction> areaRestrictions;
  private final EnumSet<ReimbursementMode> reimbursementModes;
  private final Period settlementPeriod;
  private final boolean assumed;
  private final boolean conditionsAssumed;
  private final boolean settlementAssumed;
  private final List<String> sources;
  private final String note;

  private LogisticsTerms(Builder builder) {
    this.excluded = copy(builder.excluded, Category.class);
    this.excluded.add(Category.WEAPONS);
    this.categories = copy(builder.categories, Category.class);
    for (Category category : categories) {
      if (excluded.contains(category)) {
        throw new IllegalArgumentException("category " + category + " is both covered and excluded");
      }
    }
    EnumMap<Category, EnumSet<Activity>> conditions = new EnumMap<>(Category.class);
    builder.onlyIn.forEach((category, allowedIn) -> {
      if (!categories.contains(category)) {
        throw new IllegalArgumentException("category " + category + " has a condition but is not covered");
      }
      conditions.put(category, copy(allowedIn, Activity.class));
    });
    this.onlyIn = conditions;
    this.activities = copy(builder.activities, Activity.class);
    this.areaRestrictions = List.copyOf(builder.areaRestrictions);
    this.reimbursementModes = copy(builder.reimbursementModes, ReimbursementMode.class);
    this.settlementPeriod = Objects.requireNonNull(builder.settlementPeriod, "settlement period");
    if (settlementPeriod.isNegative() || settlementPeriod.isZero()) {
      throw new IllegalArgumentException("the settlement period must be positive: " + settlementPeriod);
    }
    this.assumed = builder.assumed;
    this.conditionsAssumed = builder.conditionsAssumed;
    this.settlementAssumed = builder.settlementAssumed;
    this.sources = List.copyOf(builder.sources);
    this.note = builder.note == null ? "" : builder.note;
  }

  private static <E extends Enum<E>> EnumSet<E> copy(Set<E> values, Class<E> type) {
    EnumSet<E> copy = EnumSet.noneOf(type);
    copy.addAll(values);
    return copy;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Covered categories (a conditional category is listed here too), as a copy. */
  public Set<Category> categories() {
    return EnumSet.copyOf(categories);
  }

  /** Excluded categories, weapons always among them, as a copy. */
  public Set<Category> excluded() {
    return EnumSet.copyOf(excluded);
  }

  /** Categories allowed only in some activities, with those activities. */
  public Map<Category, Set<Activity>> conditions() {
    Map<Category, Set<Activity>> copy = new EnumMap<>(Category.class);
    onlyIn.forEach((category, allowedIn) -> copy.put(category, EnumSet.copyOf(allowedIn)));
    return copy;
  }

  public Set<Activity> activities() {
    return EnumSet.copyOf(activities);
  }

  public List<AreaRestriction> areaRestrictions() {
    return areaRestrictions;
  }

  public Set<ReimbursementMode> reimbursementModes() {
    return EnumSet.copyOf(reimbursementModes);
  }

  public Period settlementPeriod() {
    return settlementPeriod;
  }

  public boolean assumed() {
    return assumed;
  }

  /** Whether the conditions on categories (ammunition only in …) are modelled rather than sourced. */
  public boolean conditionsAssumed() {
    return conditionsAssumed;
  }

  public boolean settlementAssumed() {
    return settlementAssumed;
  }

  public List<String> sources() {
    return sources;
  }

  public String note() {
    return note;
  }

  /** Whether any part of these terms rests on an assumption. */
  public boolean anyAssumed() {
    return assumed || conditionsAssumed || settlementAssumed || areaRestrictions.stream().anyMatch(AreaRestriction::assumed);
  }

  public boolean excludes(Category category) {
    return excluded.contains(category);
  }

  public boolean covers(Category category) {
    return categories.contains(category);
  }

  /** Whether a covered category is allowed in this activity: true unless a condition says otherwise. */
  public boolean allowsIn(Category category, Activity activity) {
    EnumSet<Activity> allowedIn = onlyIn.get(category);
    return allowedIn == null || allowedIn.contains(activity);
  }

  /** Whether the category carries a condition on activities. */
  public boolean isConditional(Category category) {
    return onlyIn.containsKey(category);
  }

  public boolean permits(Activity activity) {
    return activities.contains(activity);
  }

  public boolean accepts(ReimbursementMode mode) {
    return reimbursementModes.contains(mode);
  }

  /** Collects terms; {@link #build()} validates them. Not thread-safe. */
  public static final class Builder {
    private Builder() {}

    private final Set<Category> categories = EnumSet.noneOf(Category.class);
    private final Set<Category> excluded = EnumSet.noneOf(Category.class);
    private final Map<Category, Set<Activity>> onlyIn = new EnumMap<>(Category.class);
    private final Set<Activity> activities = EnumSet.noneOf(Activity.class);
    private final List<AreaRestriction> areaRestrictions = new ArrayList<>();
    private final Set<ReimbursementMode> reimbursementModes = EnumSet.noneOf(ReimbursementMode.class);
    private Period settlementPeriod;
    private boolean assumed;
    private boolean conditionsAssumed;
    private boolean settlementAssumed;
    private final List<String> sources = new ArrayList<>();
    private String note;

    public Builder categories(Set<Category> values) {
      categories.addAll(values);
      return this;
    }

    public Builder exclude(Set<Category> values) {
      excluded.addAll(values);
      return this;
    }

    /** Covers {@code category} in the given activities only. */
    public Builder onlyIn(Category category, Set<Activity> allowedIn, boolean assumed) {
      categories.add(category);
      onlyIn.put(category, copy(allowedIn, Activity.class));
      conditionsAssumed |= assumed;
      return this;
    }

    public Builder activities(Set<Activity> values) {
      activities.addAll(values);
      return this;
    }

    public Builder areaRestriction(AreaRestriction restriction) {
      areaRestrictions.add(restriction);
      return this;
    }

    public Builder reimbursementModes(Set<ReimbursementMode> values) {
      reimbursementModes.addAll(values);
      return this;
    }

    public Builder settlementPeriod(Period period, boolean assumed) {
      this.settlementPeriod = period;
      this.settlementAssumed = assumed;
      return this;
    }

    public Builder assumed(boolean value) {
      this.assumed = value;
      return this;
    }

    public Builder sources(List<String> values) {
      sources.addAll(values);
      return this;
    }

    public Builder note(String value) {
      this.note = value;
      return this;
    }

    public LogisticsTerms build() {
      return new LogisticsTerms(this);
    }
  }
}
