package io.aigcwatch.events.funding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * data of {@code company.status-changed}: an exit (acquisition, listing), a closure, or a return to ACTIVE when an
 * earlier status is corrected.
 *
 * @param eventId     the status event's own id, so that it can be read back and corrected
 * @param effectiveOn the day the status took effect (the deal's close, the first trading day)
 * @param acquirer    who bought the company, for ACQUIRED
 */
@Serdeable
public record CompanyStatusChanged(
        UUID eventId,
        CompanyProfileData company,
        CompanyStatus statusBefore,
        CompanyStatus status,
        LocalDate effectiveOn,
        String source,
        @Nullable String acquirer,
        String changedBy,
        Instant changedAt) {
}
