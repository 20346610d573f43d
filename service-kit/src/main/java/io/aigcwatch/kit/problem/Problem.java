package io.aigcwatch.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem details document. {@code errors} names each bad field; {@code existing} is the id of the
 * resource a conflict is about, such as the round that a new one duplicates; a Link header points at it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        @Nullable String detail,
        @Nullable String instance,
        @Nullable List<FieldError> errors,
        @Nullable String existing) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A bad field, named by its JSON path in the request, such as {@code amount.currency} or {@code investors[3].name}. */
    @Serdeable
    public record FieldError(String field, String message) {
    }
}
