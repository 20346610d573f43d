package io.aigcwatch.events.funding;

import io.aigcwatch.events.CompanyNames;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An investor's id, the one computation of it: a name-based UUID (v3) of its normalised name, so that every writer
 * (funding-service's rounds, imports and backfill) and every reader of funding events (an alert naming an investor
 * by name or by id) gets the same id from the same name, with no lookup.
 */
public final class InvestorIds {
    private InvestorIds() {
    }

    /** The id of the investor named {@code name}, however it is spelt: names compare as {@link CompanyNames#key}. */
    public static UUID of(String name) {
        return UUID.nameUUIDFromBytes(("investor:" + CompanyNames.key(name)).getBytes(StandardCharsets.UTF_8));
    }
}
