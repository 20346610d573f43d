package io.aigcwatch.gateway.proxy;

import io.micronaut.context.ExecutionHandleLocator;
import io.micronaut.context.annotation.Executable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.web.router.DefaultRouteBuilder;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Tells Micronaut's router that the proxied paths exist, for every method the proxy forwards. Its CORS support lets
 * a browser's preflight through only for a method that some route at the path answers, and it knew only the
 * gateway's own controllers, so every preflight to a proxied path was refused. {@link ProxyFilter} answers these
 * paths before any route runs; only a request it does not take (one with a dot segment, if
 * {@link AmbiguousPathFilter} ever let one by) reaches {@link NotProxied#answer} and gets 404.
 */
@Singleton
final class ProxiedPathRoutes extends DefaultRouteBuilder {

    ProxiedPathRoutes(ExecutionHandleLocator locator, ProxyRoutes routes) {
        super(locator);
        for (String prefix : routes.prefixes()) {
            String exact = ProxyRoutes.PUBLIC_PREFIX + prefix;
            for (String path : List.of(exact, exact + "/{+rest}")) {
                GET(path, NotProxied.class, "answer");
                POST(path, NotProxied.class, "answer");
                PUT(path, NotProxied.class, "answer");
                PATCH(path, NotProxied.class, "answer");
                DELETE(path, NotProxied.class, "answer");
            }
        }
    }

    /** The target of those routes, answering like a path that has no route at all. */
    @Singleton
    static final class NotProxied {
        @Executable
        void answer() {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "Page Not Found");
        }
    }
}
