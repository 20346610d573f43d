package io.aigcwatch.funding.imports;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A job as {@code GET /imports/{id}} shows it, with its first refused rows. */
@Serdeable
record ImportView(UUID id, ImportState state, String format, @Nullable Long rowsTotal, long rowsDone,
                  long rowsImported, long rowsAlreadyRecorded, long rowsRefused, double roundsPerSecond,
                  @Nullable String failure, Instant receivedAt, @Nullable Instant startedAt,
                  @Nullable Instant finishedAt, List<Refused> refused) {

    static ImportView of(ImportJob job, List<Refused> refused, Instant now) {
        return new ImportView(job.id(), job.state(), job.format().toLowerCase(Locale.ROOT), job.rowsTotal(),
                job.rowsDone(), job.rowsImported(), job.rowsAlreadyRecorded(), job.rowsRefused(), rate(job, now),
                job.failure(), job.receivedAt(), job.startedAt(), job.finishedAt(), refused);
    }

    /** Rows applied per second of running, to the end or to now; 0 before the first chunk. */
    private static double rate(ImportJob job, Instant now) {
        if (job.startedAt() == null || job.rowsDone() == 0) {
            return 0;
        }
        Instant end = job.finishedAt() != null ? job.finishedAt() : now;
        double seconds = Math.max(Duration.between(job.startedAt(), end).toMillis(), 1) / 1000.0;
        return Math.round(job.rowsDone() / seconds * 10) / 10.0;
    }

    @Serdeable
    @Introspected
    record Refused(long line, String field, String reason) {
    }

    /** A page of refused rows; follow {@code next} as {@code cursor}. */
    @Serdeable
    record RefusedPage(List<Refused> items, @Nullable String next) {
    }
}
