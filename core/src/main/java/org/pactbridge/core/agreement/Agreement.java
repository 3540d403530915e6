package org.pactbridge.core.agreement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.pactbridge.core.party.PartyCode;

/**
 * An agreement between two or more parties: its kind, its timeline, and its provisions versioned by
 * amendment, every version of its own kind. Status is always derived from the timeline. Immutable and
 * thread-safe.
 */
public final class Agreement {
  private final AgreementId id;
  private final AgreementKind kind;
  private final String title;
  private final List<PartyCode> parties;
  private final Set<PartyCode> partySet;
  private final Timeline timeline;
  private final List<ProvisionVersion> versions;
  private final ProvisionVersion[] versionArray;
  // the versions' start instants as primitives, for a look-up that does not chase Instant objects
  private final long[] versionFromSeconds;
  private final int[] versionFromNanos;
  private final List<String> sources;
  private final String note;

  public Agreement(
      AgreementId id,
      AgreementKind kind,
      String title,
      List<PartyCode> parties,
      Timeline timeline,
      List<ProvisionVersion> versions,
      List<String> sources,
      String note) {
    this.id = Objects.requireNonNull(id, "id");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.title = title == null ? id.value() : title;
    if (parties.size() < 2 || Set.copyOf(parties).size() != parties.size()) {
      throw new IllegalArgumentException("agreement " + id + " needs two or more distinct parties: " + parties);
    }
    this.parties = List.copyOf(parties);
    this.partySet = Set.copyOf(parties);
    this.timeline = Objects.requireNonNull(timeline, "timeline");
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("agreement " + id + " needs at least one provision version");
    }
    for (ProvisionVersion version : versions) {
      if (version.provisions().kind() != kind) {
        throw new IllegalArgumentException("agreement " + id + " is " + kind + " but has " + version.provisions().kind() + " provisions");
      }
    }
    List<ProvisionVersion> sorted = new ArrayList<>(versions);
    sorted.sort(Comparator.comparing(ProvisionVersion::from, Comparator.nullsFirst(Comparator.naturalOrder())));
    this.versions = List.copyOf(sorted);
    this.versionArray = sorted.toArray(new ProvisionVersion[0]);
    this.versionFromSeconds = new long[versionArray.length];
    this.versionFromNanos = new int[versionArray.length];
    for (int i = 0; i < versionArray.length; i++) {
      Instant from = versionArray[i].from();
      versionFromSeconds[i] = from == null ? Long.MIN_VALUE : from.getEpochSecond(); // no start: since always
      versionFromNanos[i] = from == null ? 0 : from.getNano();
    }
    this.sources = List.copyOf(sources);
    this.note = note == null ? "" : note;
  }

  public AgreementId id() {
    return id;
  }

  public AgreementKind kind() {
    return kind;
  }

  public String title() {
    return title;
  }

  public List<PartyCode> parties() {
    return parties;
  }

  public boolean hasParty(PartyCode party) {
    return partySet.contains(party);
  }

  public Timeline timeline() {
    return timeline;
  }

  public List<ProvisionVersion> versions() {
    return versions;
  }

  public List<String> sources() {
    return sources;
  }

  public String note() {
    return note;
  }

  public AgreementStatus statusAt(Instant at) {
    return timeline.statusAt(at);
  }

  /** The provisions version that applies at {@code at}: the latest that started at or before it. */
  public ProvisionVersion versionAt(Instant at) {
    ProvisionVersion current = versionArray[0];
    long seconds = at.getEpochSecond();
    int nanos = at.getNano();
    for (int i = 1; i < versionArray.length; i++) {
      long from = versionFromSeconds[i];
      if (from < seconds || (from == seconds && versionFromNanos[i] <= nanos)) {
        current = versionArray[i];
      } else {
        break;
      }
    }
    return current;
  }

  public Provisions provisionsAt(Instant at) {
    return versionAt(at).provisions();
  }

  /**
   * The provisions that apply at {@code at}, typed for a reader that has already checked this
   * agreement's kind (a support request on a LOGISTICS agreement, a hop over an INFORMATION one).
   *
   * @throws IllegalStateException when the agreement is of another kind: a caller's bug, not bad input
   */
  public <P extends Provisions> P provisionsAt(Instant at, Class<P> type) {
    Provisions provisions = provisionsAt(at);
    if (!type.isInstance(provisions)) {
      throw new IllegalStateException(id + " is " + kind + ": its provisions are not " + type.getSimpleName());
    }
    return type.cast(provisions);
  }

  @Override
  public String toString() {
    return id.value();
  }
}
