package io.aigcwatch.gateway.access;

import io.aigcwatch.gateway.ApiFilterOrder;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

import java.util.Optional;
import java.util.Set;

/**
 * Decides who is calling and whether they may: 401 for a missing or unknown key, 403 for a known key without the
 * scope the {@link AccessRules} ask for. A request that passes carries its {@link Caller} on to everything after.
 * The key itself goes no further: it is never logged, never echoed, and the proxy does not forward it.
 */
@Filter("/api/**")
final class AccessFilter implements HttpServerFilter {
    /** After the request id is set, so that refusals carry it; before the rate limit, which keys on the caller. */
    static final int ORDER = ApiFilterOrder.FIRST + 140;
    private static final String CHALLENGE = "Bearer realm=\"aigcwatch\"";

    private final ApiKeys keys;
    private final Caller anonymous;

    AccessFilter(ApiKeys keys, AccessConfig config) {
        this.keys = keys;
        this.anonymous = Caller.anonymous(config.anonymousRead() ? Set.of(Scope.READ) : Set.of());
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (isCorsPreflight(request)) {
            // Micronaut's CORS filter answers the preflights it accepts before any route is matched; one that gets
            // here comes from an origin that is not allowed, and must not be forwarded to a service.
            return refuse(new ProblemException(HttpStatus.FORBIDDEN, "origin-not-allowed",
                    "cross-origin requests from this origin are not allowed"), request);
        }
        Optional<String> presented = PresentedKey.of(request.getHeaders());
        Optional<Caller> identified = presented.isEmpty() ? Optional.of(anonymous) : presented.flatMap(keys::identify);
        if (identified.isEmpty()) {
            return refuse(unauthenticated("the API key is not valid"), request);
        }
        Caller caller = identified.get();
        Optional<Scope> needed = AccessRules.scopeNeeded(request.getMethod(), request.getUri().getRawPath());
        if (needed.isPresent() && !caller.has(needed.get())) {
            return refuse(caller.isAnonymous()
                    ? unauthenticated("send an API key in the " + PresentedKey.HEADER + " header")
                    : new ProblemException(HttpStatus.FORBIDDEN, "insufficient-scope",
                    "this request needs an API key with the '" + needed.get().wireName() + "' scope"), request);
        }
        request.setAttribute(Caller.ATTRIBUTE, caller);
        return chain.proceed(request);
    }

    private static ProblemException unauthenticated(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated", detail);
    }

    private static Publisher<MutableHttpResponse<?>> refuse(ProblemException problem, HttpRequest<?> request) {
        MutableHttpResponse<?> response = ProblemResponses.of(problem, request);
        if (problem.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        return Publishers.<MutableHttpResponse<?>>just(response);
    }

    private static boolean isCorsPreflight(HttpRequest<?> request) {
        return request.getMethod() == HttpMethod.OPTIONS
                && request.getHeaders().contains(HttpHeaders.ORIGIN)
                && request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
