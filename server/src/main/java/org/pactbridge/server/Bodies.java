package org.pactbridge.server;

import java.util.List;
import org.pactbridge.api.request.DecisionBody;

/** Request bodies that only the server reads. */
final class Bodies {
  private Bodies() {}

  /** {@code POST /api/v1/decisions} in batch form. */
  record BatchBody(List<DecisionBody> requests) {}

  /** {@code POST /api/v1/users}. {@code clearance} is a level of the nationality's scheme. */
  record UserBody(String name, String nationality, String clearance, List<String> needToKnow, List<String> compartments, List<String> roles) {}

  /** {@code POST /api/v1/users/{id}/tokens} and {@code POST /api/v1/me/tokens}. */
  record TokenBody(String label, String expiresAt) {}
}
