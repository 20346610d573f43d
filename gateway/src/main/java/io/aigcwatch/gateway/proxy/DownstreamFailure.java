package io.aigcwatch.gateway.proxy;

import io.aigcwatch.gateway.resilience.ServiceFailure;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.http.HttpStatus;

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
        return ServiceFailure.of(error).map(failure -> switch (failure) {
            case TIMEOUT -> new ProblemException(HttpStatus.GATEWAY_TIMEOUT, "downstream-timeout",
                    service + " did not answer in time");
            case UNREACHABLE -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "downstream-unavailable",
                    service + " is not reachable");
            case CIRCUIT_OPEN -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "downstream-unavailable",
                    service + " failed repeatedly just now, so it is given a rest; try again after Retry-After");
            case FAILED -> new ProblemException(HttpStatus.BAD_GATEWAY, "downstream-failed",
                    service + " gave no usable answer");
        });
    }
}
