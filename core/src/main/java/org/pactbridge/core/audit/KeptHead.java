package org.pactbridge.core.audit;

import java.util.Objects;

/**
 * A signed head kept outside the database ({@code where}: a file path, a peer's name), the highest an
 * instance signed or saw. It pins the chain as a checkpoint does, and it survives someone who truncates
 * both the entries and the checkpoints in the database.
 */
public record KeptHead(String where, Checkpoint head) {
  public KeptHead {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(head, "head");
  }
}
