package io.aigcwatch.gateway.proxy;

import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which service answers which part of the public API. A public path is the service's own path behind {@code /api};
 * the first route whose prefix matches wins, so a more specific route must come before a broader one.
 */
@Singleton
final class ProxyRoutes {
    static final String PUBLIC_PREFIX = "/api";
    /** Public paths under a routed prefix that the gateway answers itself: the change stream reads Kafka directly. */
    private static final Pattern ANSWERED_HERE = Pattern.compile("/valuation-changes/stream/?");

    private final List<Route> routes;

    ProxyRoutes(@Client(id = "funding") ProxyHttpClient funding,
                @Client(id = "funding-imports") ProxyHttpClient fundingImports,
                @Client(id = "valuation") ProxyHttpClient valuation,
                @Client(id = "market") ProxyHttpClient market,
                @Client(id = "notification") ProxyHttpClient notification) {
        this.routes = List.of(
                new Route("funding", "/funding-events", funding),
                // an upload streams for as long as the file takes: its own client and timeout (application.yml)
                new Route("funding-imports", "/imports", fundingImports),
                // a company's valuation history lives with the valuations, the rest of the company with funding
                Route.pattern("valuation", "/companies/[^/]+/valuations/?", valuation),
                new Route("funding", "/companies", funding),
                new Route("funding", "/fx-rates", funding),
                new Route("funding", "/taxonomy", funding),
                new Route("funding", "/investors", funding),
                new Route("valuation", "/unicorns", valuation),
                new Route("valuation", "/valuation-changes", valuation),
                new Route("valuation", "/valuation-marks", valuation),
                new Route("market", "/market", market),
                new Route("notification", "/webhooks", notification));
    }

    /** The route for a public path such as {@code /api/funding-events/1}, if a service answers it. */
    Optional<Route> forPublicPath(String path) {
        if (!path.startsWith(PUBLIC_PREFIX + "/") || isAmbiguous(path)) {
            return Optional.empty();
        }
        String downstream = path.substring(PUBLIC_PREFIX.length());
        if (ANSWERED_HERE.matcher(downstream).matches()) {
            return Optional.empty();
        }
        return forDownstreamPath(downstream);
    }

    /** The route for a service's own path such as {@code /funding-events/1}, as found in a Location it returns. */
    Optional<Route> forDownstreamPath(String path) {
        return routes.stream().filter(route -> route.matches(path)).findFirst();
    }

    /** The service paths that prefix routes answer, each with everything under it, such as {@code /companies}. */
    List<String> prefixes() {
        return routes.stream().map(Route::prefix).flatMap(Optional::stream).distinct().toList();
    }

    /** Every route, in matching order; the OpenAPI test checks that each one is documented. */
    List<Route> routes() {
        return routes;
    }

    /**
     * {@code /api/companies/../admin} must not reach {@code /admin} of a service; such paths route nowhere (and
     * {@link AmbiguousPathFilter} refuses them before they get here).
     */
    private static boolean isAmbiguous(String path) {
        return AmbiguousPath.problem(path).isPresent();
    }

    /**
     * @param pattern the service paths it answers: a prefix and everything under it, unless built by {@link #pattern}
     * @param prefix  that prefix; empty for a route built by {@link #pattern}
     */
    record Route(String service, Pattern pattern, Optional<String> prefix, ProxyHttpClient client) {
        Route(String service, String prefix, ProxyHttpClient client) {
            this(service, Pattern.compile(Pattern.quote(prefix) + "(/.*)?"), Optional.of(prefix), client);
        }

        static Route pattern(String service, String regex, ProxyHttpClient client) {
            return new Route(service, Pattern.compile(regex), Optional.empty(), client);
        }

        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }
    }
}
