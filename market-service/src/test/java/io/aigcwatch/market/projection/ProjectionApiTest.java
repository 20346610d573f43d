package io.aigcwatch.market.projection;

import io.aigcwatch.testkit.TestCredential;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.Refusals;
import io.aigcwatch.testkit.TestInfra;
import io.aigcwatch.testkit.TopicReader;
import io.aigcwatch.events.Topics;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Projections and their versioned inputs over HTTP, on a real database. */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionApiTest implements TestPropertyProvider {
    private final TestInfra infra = RealInfraExtension.forClass(ProjectionApiTest.class);

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    @Test
    void aFreshServiceProjectsTheReportAndBadAssumptionsChangeNothing() throws Exception {
        Map<String, Object> projection = map(send("GET", "/market/projections", null).body());
        List<?> years = (List<?>) projection.get("years");
        assertEquals(8, years.size());
        assertEquals(1150000000000L, ((Number) ((Map<?, ?>) years.get(7)).get("sizeCny")).longValue());
        assertTrue(projection.get("warnings").toString().contains("2027 inputs sum to 102%"), projection::toString);
        assertEquals(1, ((Number) projection.get("assumptionsVersion")).intValue());

        String stored = send("GET", "/market/assumptions", null).body();
        Object assumptions = map(stored).get("assumptions");
        String body = json.writeValueAsString(assumptions);

        for (String bad : List.of(
                body.replace("\"MAAS\":5", "\"MAAS\":-5"),
                body.replace("\"year\":2030", "\"year\":2020"),
                body.replace("\"MAAS\":47", "\"CRYPTO\":47"))) {
            HttpResponse<String> refused = send("PUT", "/market/assumptions", bad);
            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
        assertEquals(stored, send("GET", "/market/assumptions", null).body(), "nothing changed");

        HttpResponse<String> accepted = send("PUT", "/market/assumptions", body.replace("\"MAAS\":47", "\"MAAS\":45"));
        assertEquals(200, accepted.statusCode(), accepted.body());
        try (TopicReader recomputed = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.MARKET_PROJECTIONS))) {
            String event = recomputed.awaitRecords(Duration.ofSeconds(10), records -> records.stream()
                    .anyMatch(r -> "projections".equals(r.key()))).stream()
                    .filter(r -> "projections".equals(r.key())).findFirst().orElseThrow().value();
            assertTrue(event.contains("\"key\":\"2027.MAAS\""), "the changed 2027 share is named: " + event);
            assertFalse(event.contains("\"key\":\"2030.sizeCny\""), "an unchanged size is not: " + event);
        }
        Map<String, Object> after = map(send("GET", "/market/projections?from=2027&to=2027", null).body());
        assertEquals(2, ((Number) after.get("assumptionsVersion")).intValue());
        assertFalse(after.get("warnings").toString().contains("2027 inputs sum to"),
                () -> "45 + 32 + 10 + 13 is 100: nothing to correct, " + after);
        assertEquals(422, send("GET", "/market/projections?scenario=WILD", null).statusCode());
        assertEquals(422, send("GET", "/market/projections?from=2031&to=2030", null).statusCode());
    }

    /**
     * A market size of 1e1000000000 was stored, and every projection from it then failed as infinite; now each
     * figure, text and list is bounded before anything is stored, and a refusal names its field.
     */
    @Test
    void assumptionsAndParametersOutOfBoundsNameTheirFieldAndChangeNothing() throws Exception {
        String stored = send("GET", "/market/assumptions", null).body();
        String body = json.writeValueAsString(map(stored).get("assumptions"));
        Refusals refusals = Refusals.changingNoRow(Duration.ofSeconds(2), infra, "market.assumption_set",
                "(select id from market.outbox)");
        for (String size : List.of("1e1000000000", "-1e1000000000", "1e-1000000000", "1e19")) {
            refusals.expect("a market size of " + size, "sizeAnchors[0].value",
                    () -> put(replaceOnce(body, "\"value\":17000000000", "\"value\":" + size)));
        }
        refusals.expect("a market that grows a million-fold in a year", "sizeAnchors[1].value",
                () -> put(replaceOnce(body, "\"year\":2030", "\"year\":2024").replace("1150000000000", "17000000000000000")));
        refusals.expect("a share of 1e1000000000", "shareAnchors[0].shares.MAAS",
                () -> put(replaceOnce(body, "\"MAAS\":5", "\"MAAS\":1e1000000000")));
        refusals.expect("a rate of 1e-1000000000", "cnyPerUsd",
                () -> put(replaceOnce(body, "\"cnyPerUsd\":7.1", "\"cnyPerUsd\":1e-1000000000")));
        refusals.expect("a scenario factor of 1e400", "scenarios.HIGH",
                () -> put(replaceOnce(body, "\"HIGH\":1.25", "\"HIGH\":1e400")));
        refusals.expect("a source over 2000", "source",
                () -> put(body.replaceFirst("\"source\":\"[^\"]*\"", "\"source\":\"" + "x".repeat(2001) + "\"")));
        refusals.expect("a null stage", "stages[0]", () -> put(body.replaceFirst("\"stages\":\\[", "\"stages\":[null,")));
        StringBuilder stages = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            stages.append("{\"name\":\"S").append(i).append("\",\"from\":2023,\"to\":2024},");
        }
        refusals.expect("101 stages", "stages", () -> put(body.replaceFirst("\"stages\":\\[", "\"stages\":[" + stages)));
        refusals.expect("a year before 1990", "from", () -> get("/market/projections?from=1&to=2030"));
        refusals.expect("a scenario name over 50", "scenario", () -> get("/market/projections?scenario=" + "x".repeat(51)));
        refusals.expect("a dimension over 50", "by", () -> get("/market/shares?by=" + "x".repeat(51)));
        refusals.assertAllRefused();
        assertEquals(stored, send("GET", "/market/assumptions", null).body(), "nothing changed");
        assertEquals(200, send("GET", "/market/projections", null).statusCode());
    }

    private static String replaceOnce(String body, String from, String to) {
        if (!body.contains(from)) {
            throw new IllegalArgumentException("the stored assumptions have no " + from + ": " + body);
        }
        return body.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    private HttpResponse<String> put(String body) {
        return unchecked(() -> send("PUT", "/market/assumptions", body));
    }

    private HttpResponse<String> get(String path) {
        return unchecked(() -> send("GET", path, null));
    }

    private static HttpResponse<String> unchecked(Call call) {
        try {
            return call.send();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = TestCredential.on(HttpRequest.newBuilder(server.getURI().resolve(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String body) throws IOException {
        return json.readValue(body, Map.class);
    }
}
