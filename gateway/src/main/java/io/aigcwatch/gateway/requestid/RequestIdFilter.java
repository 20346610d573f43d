package io.aigcwatch.gateway.requestid;

import io.aigcwatch.gateway.ApiFilterOrder;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every API request an {@code X-Request-Id} before anything else sees it, so that the downstream services log
 * the same id as the gateway, and returns it to the client, so that a client can quote it in a bug report.
 *
 * <p>A filter method that sets the header on the request itself: a legacy filter would have to pass a
 * {@code request.mutate()} copy down the chain, and controllers cannot bind the body of such a copy
 * (micronaut-core#10346), so every {@code @Body} of the gateway's own controllers would arrive missing.
 */
@ServerFilter("/api/**")
final class RequestIdFilter implements Ordered {
    static final String HEADER = "X-Request-Id";
    /** A client's id is kept only if it is safe to copy into logs and other services' headers. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @RequestFilter
    void assign(MutableHttpRequest<?> request) {
        String offered = request.getHeaders().get(HEADER);
        if (offered == null || !ACCEPTABLE.matcher(offered).matches()) {
            request.getHeaders().set(HEADER, UUID.randomUUID().toString());
        }
    }

    @ResponseFilter
    void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set(HEADER, request.getHeaders().get(HEADER));
    }

    /** Before the proxy, which forwards the header that this filter sets. */
    @Override
    public int getOrder() {
        return ApiFilterOrder.FIRST + 100;
    }
}
