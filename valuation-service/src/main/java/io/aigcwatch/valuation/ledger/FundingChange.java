package io.aigcwatch.valuation.ledger;

import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.FundingRoundData;

import io.aigcwatch.events.funding.CompanyProfileData;
import io.aigcwatch.events.funding.CompanyStatusChanged;
import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

/** One funding event for the ledger, with the id of the event that carried it. */
public sealed interface FundingChange {

    UUID eventId();

    /** The round the change is about; null for a change of the company's profile or status. */
    @Nullable UUID roundId();

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

    /** company.updated: the company's whole profile after an edit. */
    record Profile(UUID eventId, CompanyProfileData company) implements FundingChange {
        @Override
        public UUID roundId() {
            return null;
        }

        @Override
        public UUID companyId() {
            return company.id();
        }
    }

    /** company.status-changed: an exit, a closure, or a return to ACTIVE. */
    record Status(UUID eventId, CompanyStatusChanged change) implements FundingChange {
        @Override
        public UUID roundId() {
            return null;
        }

        @Override
        public UUID companyId() {
            return change.company().id();
        }
    }
}
