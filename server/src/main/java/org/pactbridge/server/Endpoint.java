package org.pactbridge.server;

import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.Set;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;

/**
 * One route of the API, described once: the server registers it from this record, checks the roles
 * from it, and the OpenAPI document is generated from it. {@code roles} empty means public (no token).
 */
public record Endpoint(
    String method, String path, String operationId, String summary, Set<Role> roles, Class<?> requestBody, String response, Handler handler) {

  /** Every role: any authenticated user. */
  public static final Set<Role> ANY_USER = EnumSet.allOf(Role.class);

  /** Those who ask what may go where. */
  public static final Set<Role> ASKERS = EnumSet.of(Role.ADMIN, Role.ORIGINATOR, Role.DISCLOSURE_OFFICER, Role.ANALYST);

  public static final Set<Role> PUBLIC = Set.of();

  public Endpoint {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  public boolean isPublic() {
    return roles.isEmpty();
  }

  /** Handles one request; {@code caller} is null on public endpoints. */
  @FunctionalInterface
  public interface Handler {
    void handle(Context ctx, User caller) throws Exception;
  }
}
