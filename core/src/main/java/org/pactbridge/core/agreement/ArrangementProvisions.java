package org.pactbridge.core.agreement;

import java.util.Objects;
import java.util.Optional;

/**
 * The provisions of an {@link AgreementKind#ARRANGEMENT}, which rides on existing information
 * agreements: the general terms (its scope bounds what its channel sanctions) and the channel it
 * defines, if any (the 2014 trilateral arrangement has one through its hub; defence guidelines recorded
 * for their timelines have none).
 */
public record ArrangementProvisions(GeneralTerms general, Optional<Channel> channel) implements Provisions {
  public ArrangementProvisions {
    Objects.requireNonNull(general, "general");
    Objects.requireNonNull(channel, "channel");
  }

  public ArrangementProvisions(GeneralTerms general, Channel channel) {
    this(general, Optional.of(channel));
  }

  @Override
  public AgreementKind kind() {
    return AgreementKind.ARRANGEMENT;
  }

  @Override
  public boolean anyAssumed() {
    return general.assumed();
  }
}
