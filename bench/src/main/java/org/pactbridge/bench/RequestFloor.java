package org.pactbridge.bench;

import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.release.UserContext;

/**
 * The floor under a direct decision on a given request: everything the engine reads of the request
 * itself, with no agreement consulted. Rules 1–3 and 6 as the engine asks them (originators, level,
 * declassification, releasability against the registry's communities, the user's nationality,
 * clearance and need-to-know), the three parties' registry indices, and each topic's hash. Timed on
 * the same requests as the direct decision, it says how much of the decision's time is the request's
 * own objects (on the generated world, 1,024 requests whose sets, codes and topics are spread over
 * the heap) rather than the engine.
 */
final class RequestFloor {
  private RequestFloor() {}

  static long read(ReleaseRequest request, Registry registry) {
    long read = 0;
    if (request.originators().contains(request.recipient())) {
      read++;
    }
    if (request.level().isUnclassified()) {
      read += 2;
    }
    if (request.declassifyOn() != null && !request.at().isBefore(request.declassifyOn())) {
      read += 4;
    }
    if (request.releasability().isNoforn() || !request.releasability().permits(request.recipient(), registry.communities())) {
      read += 8;
    }
    if (request.originators().contains(request.holder())) {
      read += 16;
    }
    read += registry.indexOf(request.holder()) + registry.indexOf(request.recipient()) + registry.indexOf(request.level().party());
    for (Topic topic : request.topics()) {
      read += topic.hashCode();
    }
    read += request.at().getEpochSecond();
    UserContext user = request.user();
    if (user != null) {
      if (!user.nationality().equals(request.recipient())) {
        read += 32;
      }
      read += user.clearance().rank();
      if (!user.needToKnow().containsAll(request.topics())) {
        read += 64;
      }
    }
    return read;
  }
}
