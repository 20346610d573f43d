package io.aigcwatch.gateway;

import io.micronaut.http.server.cors.CorsFilter;

/**
 * Where the gateway's {@code /api} filters sit among Micronaut's: right after its CORS filter, so that every answer
 * they give (a proxied one, a 401, a 429) passes back through it and carries the CORS headers a browser needs to
 * read it. Before it, a browser on an allowed origin saw every such answer as an opaque network error.
 */
public final class ApiFilterOrder {
    public static final int FIRST = CorsFilter.CORS_FILTER_ORDER + 1;

    private ApiFilterOrder() {
    }
}
