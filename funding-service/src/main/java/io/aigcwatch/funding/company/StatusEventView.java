package io.aigcwatch.funding.company;

import io.aigcwatch.events.funding.CompanyStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A recorded change of a company's status: an exit, a closure, or a return to ACTIVE. */
@Serdeable
record StatusEventView(UUID id, UUID companyId, long version, CompanyStatus statusBefore, CompanyStatus status,
                       LocalDate effectiveOn, String source, @Nullable String acquirer, String changedBy,
                       Instant changedAt) {
}
