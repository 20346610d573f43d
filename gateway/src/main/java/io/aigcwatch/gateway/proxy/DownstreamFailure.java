package io.aigcwatch.gateway.proxy;

import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * What a client is told when a service could not be asked or did not answer. The client learns which service
 * failed and whether retrying later may help, never how the service is reached.
 */
final class DownstreamFailure {
    private DownstreamFailure() {
    }

    /** Empty when the failure is not the service's: such errors are left to the server's own handling. */
    static Optional<ProblemException> of(String service, Throwable error) {
        if (!(error instanceof HttpClientException)) {
            return Optional.empty();
        }
        if (error instanceof ReadTimeoutException || causedBy(error, io.netty.channel.ConnectTimeoutException.class)) {
            return Optional.of(new ProblemException(HttpStatus.GATEWAY_TIMEOUT, "downstream-timeout",
                    service + " did not answer in time"));
        }
        if (causedBy(error, ConnectException.class) || causedBy(error, UnknownHostException.class)) {
            return Optional.of(new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "downstream-unavailable",
                    service + " is not reachable"));
        }
        return Optional.of(new ProblemException(HttpStatus.BAD_GATEWAY, "downstream-failed",
                service + " gave no usable answer"));
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
