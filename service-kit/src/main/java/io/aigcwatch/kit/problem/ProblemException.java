package io.aigcwatch.kit.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

import java.util.List;

/** Thrown anywhere a request cannot be served; it becomes a problem+json response and rolls back any transaction. */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String type;
    private final List<Problem.FieldError> errors;
    private final String existingId;
    private final String existingPath;

    private ProblemException(HttpStatus status, String type, String detail, List<Problem.FieldError> errors,
                             @Nullable String existingId, @Nullable String existingPath) {
        super(detail);
        this.status = status;
        this.type = type;
        this.errors = List.copyOf(errors);
        this.existingId = existingId;
        this.existingPath = existingPath;
    }

    public ProblemException(HttpStatus status, String type, String detail) {
        this(status, type, detail, List.of(), null, null);
    }

    /**
     * 409 because the resource exists already: the problem names its id, and a {@code Link} header with
     * {@code rel="existing"} carries its path, which a gateway in front rewrites like any other link.
     */
    public static ProblemException conflictWith(String type, String detail, String existingId, String existingPath) {
        return new ProblemException(HttpStatus.CONFLICT, type, detail, List.of(), existingId, existingPath);
    }

    /** 422 with the fields that are wrong. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-request", detail, errors, null, null);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", what + " does not exist");
    }

    public HttpStatus status() {
        return status;
    }

    /** The {@code Link} header value that points at the existing resource, if any. */
    public @Nullable String link() {
        return existingPath == null ? null : "<" + existingPath + ">; rel=\"existing\"";
    }

    public Problem toProblem(@Nullable String instance) {
        return new Problem(ProblemTypes.uri(type), status.getReason(), status.getCode(), getMessage(), instance,
                errors.isEmpty() ? null : errors, existingId);
    }
}
