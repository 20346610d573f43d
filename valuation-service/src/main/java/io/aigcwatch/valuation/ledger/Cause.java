package io.aigcwatch.valuation.ledger;

import io.aigcwatch.events.funding.CompanyStatus;
import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

/**
 * What set off a recompute.
 *
 * @param type       ROUND, MARK, or STATUS (a company's exit or return to ACTIVE)
 * @param id         the round's or mark's id
 * @param eventId    the CloudEvent (or mark request) that carried it
 * @param withdrawal why the round stopped counting for the company, if it did: {@link #RETRACTED_ROUND} or
 *                   {@link #MOVED_ROUND}. It names the reason a company leaves the unicorns; otherwise a company
 *                   leaves on a down round or mark.
 */
public record Cause(String type, UUID id, UUID eventId, @Nullable String withdrawal) {
    static final String RETRACTED_ROUND = "RETRACTED_ROUND";
    /** The round was corrected to name another company: it counts for that one now. */
    static final String MOVED_ROUND = "MOVED_ROUND";

    static final String STATUS = "STATUS";
    /** The company was acquired or listed: private-unicorn lists count only private companies. */
    static final String EXIT = "EXIT";
    static final String CLOSED = "CLOSED";

    /** A status event: an exit names why the company leaves the unicorns; a return to ACTIVE names nothing. */
    static Cause status(UUID statusEventId, UUID eventId, CompanyStatus status) {
        String reason = switch (status) {
            case ACTIVE -> null;
            case CLOSED -> CLOSED;
            case ACQUIRED, PUBLIC -> EXIT;
        };
        return new Cause(STATUS, statusEventId, eventId, reason);
    }

    static Cause round(UUID roundId, UUID eventId) {
        return new Cause(ValuationPoint.ROUND, roundId, eventId, null);
    }

    static Cause withdrawn(UUID roundId, UUID eventId, String withdrawal) {
        return new Cause(ValuationPoint.ROUND, roundId, eventId, withdrawal);
    }
}
