package io.aigcwatch.gateway.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Notes every request that reaches the stub service, routed or not, so a test can tell that one never arrived. */
@Requires(property = StubService.ENABLED, value = "true")
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ReceivedRequests {
    private final List<String> received = new CopyOnWriteArrayList<>();

    @RequestFilter
    void note(HttpRequest<?> request) {
        received.add(request.getMethodName() + " " + request.getPath());
    }

    List<String> all() {
        return List.copyOf(received);
    }
}
