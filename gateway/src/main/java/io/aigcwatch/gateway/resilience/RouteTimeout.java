package io.aigcwatch.gateway.resilience;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How long the gateway waits for one service's answer to a proxied request, under
 * {@code aigcwatch.gateway.routes.<service>.timeout}. A service without an entry gets {@link ServiceGuard#DEFAULT_TIMEOUT}.
 *
 * @param service the service id, as in {@code micronaut.http.services.<id>}
 * @param timeout until the response starts: a long CSV export that has begun streaming is not cut off by it
 */
@EachProperty("aigcwatch.gateway.routes")
record RouteTimeout(@Parameter String service, @Bindable(defaultValue = "10s") Duration timeout) {
}
