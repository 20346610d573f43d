package io.aigcwatch.funding.company;

import io.aigcwatch.events.funding.CompanyStatus;
import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.limits.InputLimits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.time.LocalDate;

/** The body of {@code POST /companies/{id}/status-events}. */
@Serdeable
record StatusEventRequest(@Nullable String status, @Nullable String effectiveOn, @Nullable String source,
                          @Nullable String acquirer) {

    /** A status event that passed its checks. */
    record Valid(CompanyStatus status, LocalDate effectiveOn, String source, @Nullable String acquirer) {
    }

    Valid validate(InputLimits limits, Clock clock) {
        FieldChecks checks = new FieldChecks();
        CompanyStatus value = checks.enumValue("status", status, CompanyStatus.class);
        LocalDate date = checks.date("effectiveOn", effectiveOn);
        if (effectiveOn == null || effectiveOn.isBlank()) {
            checks.add("effectiveOn", "is required: the day the status took effect, such as 2024-06-30");
        } else if (date != null && date.isAfter(LocalDate.now(clock).plusDays(limits.daysAhead()))) {
            checks.add("effectiveOn", "must not be more than " + limits.daysAhead() + " days ahead");
        }
        String from = checks.requiredText("source", source, limits.maxSourceLength());
        String buyer = checks.optionalText("acquirer", acquirer, limits.maxNameLength());
        if (buyer != null && value != null && value != CompanyStatus.ACQUIRED) {
            checks.add("acquirer", "is only for status ACQUIRED");
        }
        checks.throwIfAny();
        return new Valid(value, date, from, buyer);
    }
}
