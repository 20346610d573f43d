package io.aigcwatch.valuation.ledger;

import java.util.UUID;

/**
 * What set off a recompute.
 *
 * @param type      ROUND or MARK
 * @param id        the round's or mark's id
 * @param eventId   the CloudEvent (or mark request) that carried it
 * @param retracted whether the round was withdrawn, which names the reason a company leaves the unicorns
 */
public record Cause(String type, UUID id, UUID eventId, boolean retracted) {
}
