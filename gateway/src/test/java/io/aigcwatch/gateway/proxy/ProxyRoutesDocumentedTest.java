package io.aigcwatch.gateway.proxy;

import io.aigcwatch.testkit.RealInfraExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.PublishedApi;
import io.aigcwatch.gateway.support.StubService;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route the proxy forwards is in the OpenAPI document. The processor cannot see these (the proxy is a filter),
 * so they are described by hand in src/main/openapi/public-api.yml; a route added to {@link ProxyRoutes} without a
 * documented path fails here.
 */
@ExtendWith(RealInfraExtension.class)
class ProxyRoutesDocumentedTest {

    @Test
    void everyProxiedRouteHasADocumentedPath() {
        String nowhere = StubService.nobodyListening();
        try (Gateway gateway = Gateway.start(Map.of("funding", nowhere, "valuation", nowhere, "market", nowhere),
                Map.of())) {
            Set<String> documented = PublishedApi.paths(gateway).keySet();
            List<ProxyRoutes.Route> routes = gateway.context().getBean(ProxyRoutes.class).routes();

            assertTrue(routes.size() > 1, "the routes are read from the bean");
            for (ProxyRoutes.Route route : routes) {
                assertTrue(documented.stream().anyMatch(path -> routes(route, path)),
                        () -> "no documented path is routed by " + route.pattern() + " (" + route.service() + "): "
                                + documented);
            }
        }
    }

    /** Whether this route answers the documented path, with a sample value in each path variable. */
    private static boolean routes(ProxyRoutes.Route route, String documentedPath) {
        if (!documentedPath.startsWith(ProxyRoutes.PUBLIC_PREFIX + "/")) {
            return false;
        }
        String sample = documentedPath.substring(ProxyRoutes.PUBLIC_PREFIX.length()).replaceAll("\\{[^/}]+}", "x");
        return route.matches(sample);
    }
}
