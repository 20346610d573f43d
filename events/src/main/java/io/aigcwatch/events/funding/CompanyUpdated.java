package io.aigcwatch.events.funding;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * data of {@code company.updated}: an edit of a company's profile ({@code PATCH /api/companies/{id}}).
 *
 * @param changedFields the profile fields this edit changed, by their JSON names
 * @param changedBy     who made the edit: the caller's key id as the gateway names it
 */
@Serdeable
public record CompanyUpdated(CompanyProfileData company, List<String> changedFields, String changedBy,
                             Instant changedAt) {
}
