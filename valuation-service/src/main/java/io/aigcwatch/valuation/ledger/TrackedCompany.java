package io.aigcwatch.valuation.ledger;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.CompanyStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A company as funding events last described it; funding-service owns the registry, this is a copy.
 *
 * @param status         ACTIVE, or the exit that took it off the unicorn list
 * @param profileVersion the funding profile's version last applied from company.updated or company.status-changed;
 *                       0 while only rounds have named the company
 */
@MappedEntity("company")
public record TrackedCompany(@Id UUID id, String name, @Nullable String localName, @Nullable String country,
                             @Nullable Layer layer, Instant updatedAt, CompanyStatus status,
                             @Nullable LocalDate statusSince, long profileVersion) {

    /** The company as a round names it, keeping what only profile events tell (status, version). */
    TrackedCompany renamed(String name, @Nullable String localName, @Nullable String country, @Nullable Layer layer,
                           Instant now) {
        return new TrackedCompany(id, name, localName, country, layer, now, status, statusSince, profileVersion);
    }
}
