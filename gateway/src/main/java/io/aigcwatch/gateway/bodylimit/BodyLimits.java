package io.aigcwatch.gateway.bodylimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param maxBytes       the largest body of any request but an import
 * @param importMaxBytes the largest file {@code POST /api/imports} takes; micronaut.server.max-request-size must be
 *                       at least this, and funding-service's aigcwatch.imports.max-bytes the same
 */
@ConfigurationProperties("aigcwatch.gateway.body")
record BodyLimits(@Bindable(defaultValue = "65536") long maxBytes,
                  @Bindable(defaultValue = "1073741824") long importMaxBytes) {
    static final String IMPORTS = "/api/imports";

    long forPath(String path) {
        return path.equals(IMPORTS) ? importMaxBytes : maxBytes;
    }
}
