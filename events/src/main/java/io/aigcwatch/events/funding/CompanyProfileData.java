package io.aigcwatch.events.funding;

import io.aigcwatch.events.Layer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The whole profile of a company at one version, as {@code company.updated} and {@code company.status-changed} carry
 * it, so that a consumer replaces its copy rather than patching it.
 *
 * @param aliases     other names the company is known by (former names, English and local spellings)
 * @param segments    tags from the report's taxonomy ({@code GET /api/taxonomy})
 * @param statusSince the date the current status took effect; null while ACTIVE from the start
 * @param version     the profile's version, which {@code If-Match} names and every change raises by one
 */
@Serdeable
public record CompanyProfileData(
        UUID id,
        String name,
        @Nullable String localName,
        List<String> aliases,
        String country,
        Layer layer,
        List<String> segments,
        @Nullable LocalDate foundedOn,
        @Nullable String headquarters,
        @Nullable String website,
        CompanyStatus status,
        @Nullable LocalDate statusSince,
        long version) {
}
