package io.aigcwatch.gateway.docs;

import io.aigcwatch.testkit.RealInfraExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.PublishedApi;
import io.aigcwatch.gateway.support.StubService;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The document and Swagger UI as a new user finds them, without a key. Every {@code /api} route of the gateway's
 * own controllers must be in the document, with its method, so a controller added without documentation fails here.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {
    private Gateway gateway;

    @BeforeAll
    void start() {
        String nowhere = StubService.nobodyListening();
        gateway = Gateway.start(Map.of("funding", nowhere, "valuation", nowhere, "market", nowhere), Map.of());
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @Test
    void everyApiRouteOfTheGatewaysControllersIsDocumented() {
        Map<String, Map<String, Object>> documented = PublishedApi.paths(gateway);
        List<UriRouteInfo<?, ?>> routes = gateway.context().getBean(Router.class).uriRoutes()
                .filter(route -> route.getUriMatchTemplate().toPathString().startsWith("/api/"))
                // the proxied paths' stand-in routes, for CORS: ProxyRoutesDocumentedTest checks those paths
                .filter(route -> !route.getTargetMethod().getDeclaringType().getSimpleName().equals("NotProxied"))
                .toList();

        assertTrue(routes.stream().anyMatch(route -> route.getUriMatchTemplate().toPathString().equals("/api/health")),
                () -> "the router lists the controllers' routes: " + routes);
        for (UriRouteInfo<?, ?> route : routes) {
            String path = route.getUriMatchTemplate().toPathString();
            // Micronaut answers HEAD wherever there is a GET; a GET documents both
            String method = route.getHttpMethod() == HttpMethod.HEAD ? "get"
                    : route.getHttpMethodName().toLowerCase(Locale.ROOT);
            Map<String, Object> operations = documented.get(path);
            assertTrue(operations != null && operations.containsKey(method),
                    () -> method.toUpperCase(Locale.ROOT) + " " + path + " is not in the OpenAPI document");
        }
    }

    @Test
    void theDocumentDescribesTheApiKeyAndTheProblemDocuments() {
        HttpResponse<String> response = gateway.get(PublishedApi.DOCUMENT);

        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.body().contains("name: X-API-Key"), "the API key header");
        assertTrue(response.body().contains("scheme: bearer"), "the key as a bearer token");
        assertTrue(response.body().contains("application/problem+json"), "errors as problem documents");
    }

    @Test
    void swaggerUiLoadsTheDocument() {
        HttpResponse<String> page = gateway.get("/api/docs");

        assertEquals(200, page.statusCode(), page::body);
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                () -> "content type: " + page.headers().firstValue("Content-Type"));
        assertTrue(page.body().contains("'" + PublishedApi.DOCUMENT + "'"), page::body);
        assertTrue(page.body().contains("/api/docs/res/swagger-ui-bundle.js"), page::body);
        assertEquals(200, gateway.get("/api/docs/res/swagger-ui-bundle.js").statusCode(), "its script is served too");
    }
}
