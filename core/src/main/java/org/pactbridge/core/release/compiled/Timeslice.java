package org.pactbridge.core.release.compiled;

import java.time.Instant;
import java.util.TreeSet;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementStatus;
import org.pactbridge.core.agreement.ProvisionVersion;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.agreement.Scope;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;

/** An agreement's timeline and versions merged: the instants at which its status or provisions change. */
final class Timeslice {
  final Agreement agreement;
  final int[] parties;
  final long[] startSeconds;
  final int[] startNanos;
  final boolean[] inForce;
  final AgreementStatus[] status;
  final Provisions[] provisions;
  final long[][] scopes; // null for an unrestricted scope

  Timeslice(Agreement agreement, HopCheck owner) {
    this.agreement = agreement;
    this.parties = agreement.parties().stream().mapToInt(owner.registry::indexOf).toArray();
    TreeSet<Instant> starts = new TreeSet<>(agreement.timeline().transitionInstants());
    for (ProvisionVersion version : agreement.versions()) {
      if (version.from() != null) {
        starts.add(version.from());
      }
    }
    int count = starts.size();
    startSeconds = new long[count];
    startNanos = new int[count];
    inForce = new boolean[count];
    status = new AgreementStatus[count];
    provisions = new Provisions[count];
    scopes = new long[count][];
    int i = 0;
    for (Instant start : starts) {
      startSeconds[i] = start.getEpochSecond();
      startNanos[i] = start.getNano();
      status[i] = agreement.statusAt(start);
      inForce[i] = status[i].inForce();
      provisions[i] = agreement.provisionsAt(start);
      Scope scope = provisions[i].scope();
      if (!scope.isUnrestricted()) {
        scopes[i] = new long[owner.topicWords];
        for (Topic topic : scope.topics()) {
          int index = owner.topicNumbers.numberOf(topic);
          scopes[i][index >>> 6] |= 1L << index;
        }
      }
      i++;
    }
  }

  /** The segments from one party to another: the receiver's translations for each (null where not in force). */
  Segment[] segments(PartyCode from, PartyCode to) {
    Segment[] out = new Segment[status.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = inForce[i] ? new Segment(agreement, status[i], provisions[i], from, to) : null;
    }
    return out;
  }
}
