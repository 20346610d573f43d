package io.aigcwatch.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/** Why a call to a service failed, as far as the service is to blame. */
public enum ServiceFailure {
    /** Nothing answered at its address. */
    UNREACHABLE,
    /** It did not answer in time. */
    TIMEOUT,
    /** Its breaker is open: it failed lately, so it was not asked at all. */
    CIRCUIT_OPEN,
    /** It answered, but with a server error or nothing usable. */
    FAILED;

    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(502, 503, 504);

    /** Empty when the service is not to blame, such as a 4xx answer or a bug in the gateway. */
    public static Optional<ServiceFailure> of(Throwable error) {
        if (error instanceof CallNotPermittedException) {
            return Optional.of(CIRCUIT_OPEN);
        }
        if (error instanceof TimeoutException || error instanceof ReadTimeoutException
                || causedBy(error, io.netty.channel.ConnectTimeoutException.class)) {
            return Optional.of(TIMEOUT);
        }
        if (error instanceof HttpClientResponseException response) {
            return isServerError(response.getStatus().getCode()) ? Optional.of(FAILED) : Optional.empty();
        }
        if (!(error instanceof HttpClientException)) {
            return Optional.empty();
        }
        if (causedBy(error, ConnectException.class) || causedBy(error, UnknownHostException.class)) {
            return Optional.of(UNREACHABLE);
        }
        return Optional.of(FAILED);
    }

    /** What the kebab-case name of this failure is in documents that list it. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static boolean countsAgainstService(Throwable error) {
        return of(error).filter(failure -> failure != CIRCUIT_OPEN).isPresent();
    }

    static boolean countsAgainstService(Object result) {
        return result instanceof HttpResponse<?> response && isServerError(response.code());
    }

    /** A second try may mend it: the service was not reached, or a proxy or the service said it is busy or down. */
    static boolean worthRetrying(Throwable error) {
        if (error instanceof HttpClientResponseException response) {
            return TRANSIENT_STATUSES.contains(response.getStatus().getCode());
        }
        return of(error).filter(UNREACHABLE::equals).isPresent();
    }

    static boolean worthRetrying(Object result) {
        return result instanceof HttpResponse<?> response && TRANSIENT_STATUSES.contains(response.code());
    }

    private static boolean isServerError(int status) {
        return status >= 500;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
