package io.aigcwatch.kit.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/**
 * Turns every error that Micronaut itself answers (malformed JSON, a wrong type, a failed constraint, a body over
 * the size limit, an unknown route) into an RFC 9457 document instead of Micronaut's own JSON error format.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        List<Problem.FieldError> fieldErrors = context.getErrors().stream()
                .filter(error -> error.getPath().isPresent())
                .map(error -> new Problem.FieldError(fieldName(error.getPath().get()), error.getMessage()))
                .toList();
        // a server error's message describes our internals, which are nobody else's business; the log has them
        String detail = status.getCode() >= 500 ? "the service failed to answer this request; the failure is logged"
                : context.getErrors().stream()
                .map(Error::getMessage)
                .findFirst()
                .map(ProblemErrorResponseProcessor::withoutInternals)
                .orElse(status.getReason());
        Problem problem = new Problem(ProblemTypes.uri(slug(status)), status.getReason(), status.getCode(), detail,
                context.getRequest().getPath(), fieldErrors.isEmpty() ? null : fieldErrors, null);
        return response.body(problem).contentType(Problem.MEDIA_TYPE);
    }

    /**
     * Bean validation paths look like {@code create.request.amount.value}, and a parameter Micronaut could not
     * convert is a JSON pointer such as {@code /limit}; clients know only {@code amount.value} and {@code limit}.
     */
    static String fieldName(String path) {
        if (path.startsWith("/")) {
            return path.substring(1).replace('/', '.');
        }
        int request = path.indexOf(".request.");
        if (request >= 0) {
            return path.substring(request + ".request.".length());
        }
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }

    /** Jackson messages end with a source location that only helps us, never the client. */
    private static String withoutInternals(String message) {
        int at = message.indexOf(" at [Source");
        String shorter = at > 0 ? message.substring(0, at) : message;
        return shorter.replaceAll("\\s+", " ").trim();
    }

    private static String slug(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "malformed-request";
            case REQUEST_ENTITY_TOO_LARGE -> "body-too-large";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case INTERNAL_SERVER_ERROR -> "internal-error";
            default -> status.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }
}
