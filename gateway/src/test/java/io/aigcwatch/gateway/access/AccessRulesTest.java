package io.aigcwatch.gateway.access;

import io.micronaut.http.HttpMethod;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.micronaut.http.HttpMethod.DELETE;
import static io.micronaut.http.HttpMethod.GET;
import static io.micronaut.http.HttpMethod.HEAD;
import static io.micronaut.http.HttpMethod.POST;
import static io.micronaut.http.HttpMethod.PUT;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AccessRulesTest {

    @Test
    void eachKindOfRequestNeedsItsScope() {
        assertNeeds(null, GET, "/api/health");
        assertNeeds(null, GET, "/api/openapi.yml");
        assertNeeds(null, HEAD, "/api/docs/index.html");
        assertNeeds(Scope.READ, GET, "/api/funding-events");
        assertNeeds(Scope.READ, GET, "/api/valuation-changes/stream");
        assertNeeds(Scope.READ, POST, "/api/webhooks");
        assertNeeds(Scope.READ, DELETE, "/api/webhooks/7");
        assertNeeds(Scope.WRITE, POST, "/api/funding-events");
        assertNeeds(Scope.WRITE, PUT, "/api/funding-events/1");
        assertNeeds(Scope.WRITE, DELETE, "/api/funding-events/1");
        assertNeeds(Scope.WRITE, POST, "/api/valuation-marks");
        assertNeeds(Scope.WRITE, POST, "/api/anything-else");
        assertNeeds(Scope.ADMIN, PUT, "/api/market/assumptions");
        assertNeeds(Scope.ADMIN, PUT, "/api/fx-rates/EUR/2023-03");
        assertNeeds(Scope.WRITE, POST, "/api/health");
    }

    @Test
    void aPathSpelledToSlipPastARuleStillMeetsIt() {
        assertNeeds(Scope.ADMIN, PUT, "/api/market//assumptions/");
        assertNeeds(Scope.ADMIN, PUT, "/api/Market/Assumptions");
        assertNeeds(Scope.ADMIN, PUT, "/api/market/%61ssumptions");
        assertNeeds(Scope.ADMIN, PUT, "/api/webhooks/../market/assumptions");
        assertNeeds(Scope.ADMIN, PUT, "/api/webhooks/%2e%2e/fx-rates/EUR/2023-03");
        assertNeeds(Scope.READ, GET, "/api/health/../funding-events");
        assertNeeds(Scope.READ, GET, "/api/docs/../../api/companies");
        assertNeeds(Scope.ADMIN, POST, "/api/%zz");
    }

    private static void assertNeeds(Scope expected, HttpMethod method, String path) {
        assertEquals(Optional.ofNullable(expected), AccessRules.scopeNeeded(method, path), method + " " + path);
    }
}
