package org.pactbridge.core.release;

import org.pactbridge.core.party.PartyCode;

/** A consent a decision is waiting for: from which originator, for which hop. */
public record ConsentNeed(PartyCode from, PartyCode hopFrom, PartyCode hopTo, boolean orcon) {}
