package io.aigcwatch.valuation.ledger;

import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.FundingRoundData;

import java.util.UUID;

/** One funding event for the ledger, with the id of the event that carried it. */
public sealed interface FundingChange {

    UUID eventId();

    UUID roundId();

    /** The company the change names. */
    UUID companyId();

    /** A recorded or corrected round. */
    record Round(UUID eventId, FundingRoundData round) implements FundingChange {
        @Override
        public UUID roundId() {
            return round.roundId();
        }

        @Override
        public UUID companyId() {
            return round.company().id();
        }
    }

    record Retraction(UUID eventId, FundingRetracted retraction) implements FundingChange {
        @Override
        public UUID roundId() {
            return retraction.roundId();
        }

        @Override
        public UUID companyId() {
            return retraction.companyId();
        }
    }
}
