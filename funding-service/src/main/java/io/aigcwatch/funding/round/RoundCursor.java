package io.aigcwatch.funding.round;

import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

/** Where a page ends: pages run newest first by announcement date, ties broken by id, so a cursor never skips. */
record RoundCursor(LocalDate announcedOn, UUID id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((announcedOn + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static @Nullable RoundCursor decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new RoundCursor(LocalDate.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API handed out");
        }
    }
}
