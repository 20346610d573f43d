package io.aigcwatch.kit.internal;

import io.aigcwatch.kit.problem.Problem;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.regex.Pattern;

/**
 * A service answers only the gateway (and its sibling services): every request must carry the
 * {@link InternalCredential}, or it gets 403 before any controller or other filter runs. Exempt:
 * <ul>
 *     <li>{@code /health}, which supervisors, orchestrators and the gateway probe without secrets;</li>
 *     <li>{@code /prometheus} from a loopback address, where a scraper on the same host reads it; from anywhere else
 *     it needs the credential like the API, since its labels name routes and callers.</li>
 * </ul>
 * Only the gateway turns it off ({@code aigcwatch.internal.required=false}): its own doors are the API keys.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "aigcwatch.internal.required", notEquals = "false")
final class InternalCredentialFilter implements Ordered {
    /** Before every other filter: nothing of a service runs for a stranger. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;
    static final String TYPE = "internal-credential-required";
    /** {@code /health} and its named parts ({@code /health/liveness}, {@code /health/readiness}, an indicator). */
    private static final Pattern HEALTH = Pattern.compile("/health(/[A-Za-z0-9_-]+)?/?");

    private final InternalCredential credential;

    InternalCredentialFilter(InternalCredential credential) {
        this.credential = credential;
    }

    @RequestFilter
    @Nullable
    HttpResponse<Problem> check(HttpRequest<?> request) {
        // the raw path, matched whole: /health/../fx-rates or /health%2F.. must not pass as health
        String path = request.getUri().getRawPath();
        if (HEALTH.matcher(path).matches() || (path.equals("/prometheus") && fromLoopback(request))) {
            return null;
        }
        if (!credential.isConfigured()) {
            return refuse(request, new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "internal-credential-unset",
                    "this service has no " + InternalCredential.VARIABLE + " and answers no one until it has"));
        }
        String presented = request.getHeaders().get(InternalCredential.HEADER);
        if (presented == null || !credential.matches(presented)) {
            return refuse(request, new ProblemException(HttpStatus.FORBIDDEN, TYPE,
                    "this service answers only the aigcwatch gateway; call it through the gateway's /api"));
        }
        return null;
    }

    private static boolean fromLoopback(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress address = remote == null ? null : remote.getAddress();
        return address != null && address.isLoopbackAddress();
    }

    private static HttpResponse<Problem> refuse(HttpRequest<?> request, ProblemException problem) {
        return HttpResponse.<Problem>status(problem.status())
                .body(problem.toProblem(request.getUri().getRawPath()))
                .contentType(Problem.MEDIA_TYPE);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
