package io.aigcwatch.gateway.proxy;

import io.aigcwatch.kit.internal.InternalCredential;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProxyRoutesTest {
    private final ProxyRoutes routes = new ProxyRoutes(request -> Mono.empty(), request -> Mono.empty(), request -> Mono.empty(),
            request -> Mono.empty(), request -> Mono.empty());
    private final ForwardedHeaders headers = new ForwardedHeaders(routes, InternalCredential.of("test-credential"));

    @Test
    void routedPathsGoToFunding() {
        assertEquals(Optional.of("funding"), service("/api/funding-events"));
        assertEquals(Optional.of("funding"), service("/api/funding-events/1"));
        assertEquals(Optional.of("funding"), service("/api/companies/1/rounds"));
        assertEquals(Optional.of("funding"), service("/api/fx-rates"));
    }

    @Test
    void valuationPathsGoToValuation() {
        assertEquals(Optional.of("valuation"), service("/api/unicorns"));
        assertEquals(Optional.of("valuation"), service("/api/valuation-changes"));
        assertEquals(Optional.of("valuation"), service("/api/valuation-marks"));
        assertEquals(Optional.of("valuation"), service("/api/companies/6221cb48-e917-48d7-b513-157e6fe58832/valuations"));
        assertEquals(Optional.of("funding"), service("/api/companies/6221cb48-e917-48d7-b513-157e6fe58832"));
        assertEquals(Optional.of("funding"), service("/api/companies/x/valuations/extra"));
    }

    @Test
    void theChangeStreamIsTheGatewaysOwnWhileThePolledChangesAreProxied() {
        assertTrue(service("/api/valuation-changes/stream").isEmpty());
        assertTrue(service("/api/valuation-changes/stream/").isEmpty());
        assertEquals(Optional.of("valuation"), service("/api/valuation-changes"));
        assertEquals(Optional.of("valuation"), service("/api/valuation-changes/streams"));
    }

    @Test
    void marketPathsGoToMarket() {
        assertEquals(Optional.of("market"), service("/api/market/projections"));
        assertEquals(Optional.of("market"), service("/api/market/assumptions"));
        assertTrue(service("/api/marketing").isEmpty());
    }

    @Test
    void webhookPathsGoToNotification() {
        assertEquals(Optional.of("notification"), service("/api/webhooks"));
        assertEquals(Optional.of("notification"), service("/api/webhooks/6221cb48-e917-48d7-b513-157e6fe58832/deliveries"));
        assertEquals("/api/webhooks/1", headers.publicUri("/webhooks/1"));
        assertTrue(service("/api/webhooksX").isEmpty());
    }

    @Test
    void otherPathsRouteNowhere() {
        assertTrue(service("/api/health").isEmpty());
        assertTrue(service("/api/funding-eventsX").isEmpty());
        assertTrue(service("/funding-events/1").isEmpty());
        assertTrue(service("/api").isEmpty());
    }

    @Test
    void dotSegmentsRouteNowhere() {
        assertTrue(service("/api/companies/../health").isEmpty());
        assertTrue(service("/api/companies/%2e%2e/health").isEmpty());
        assertTrue(service("/api/companies/./1").isEmpty());
    }

    @Test
    void onlyTheServicesOwnRelativePathsBecomePublic() {
        assertEquals("/api/funding-events/1?x=1", headers.publicUri("/funding-events/1?x=1"));
        assertEquals("/api/companies", headers.publicUri("/companies"));
        assertEquals("/elsewhere/1", headers.publicUri("/elsewhere/1"));
        assertEquals("https://example.org/funding-events/1", headers.publicUri("https://example.org/funding-events/1"));
        assertEquals("not a uri <>", headers.publicUri("not a uri <>"));
    }

    private Optional<String> service(String path) {
        return routes.forPublicPath(path).map(ProxyRoutes.Route::service);
    }
}
