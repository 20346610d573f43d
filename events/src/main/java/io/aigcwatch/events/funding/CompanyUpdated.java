package io.aigcwatch.events.funding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * data of {@code company.updated}: an edit of a company's profile ({@code PATCH /api/companies/{id}}).
 *
 * <p>Rounds count in buckets of their company's country, layer and segments, and consumers that keep totals by
 * round cannot tell a company's rounds apart: so an edit of any of those three fields lists the rounds it moves.
 *
 * @param changedFields the profile fields this edit changed, by their JSON names
 * @param changedBy     who made the edit: the caller's key id as the gateway names it
 * @param roundIds      when the edit changed country, layer or segments: the company's rounds that count (not
 *                      retracted) as of the edit, in id order, possibly none; null for any other edit, and in
 *                      events written before this field existed
 * @param roundVersions the version each of {@code roundIds} had at the edit, in the same order: a round whose
 *                      consumer already holds a newer version (one moved to another company meanwhile) is not moved
 *                      by this edit; null when {@code roundIds} is
 */
@Serdeable
public record CompanyUpdated(CompanyProfileData company, List<String> changedFields, String changedBy,
                             Instant changedAt, @Nullable List<UUID> roundIds, @Nullable List<Long> roundVersions) {
}
