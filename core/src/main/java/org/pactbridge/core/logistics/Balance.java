package org.pactbridge.core.logistics;

import java.math.BigDecimal;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.party.PartyCode;

/**
 * A party's position under one agreement in one currency, derived from the entries: what others owe
 * it ({@code receivable}, positive), what it owes ({@code payable}, negative or zero), and the net.
 */
public record Balance(AgreementId agreement, PartyCode party, String currency, BigDecimal receivable, BigDecimal payable) {

  public BigDecimal net() {
    return receivable.add(payable);
  }
}
