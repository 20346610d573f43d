package io.aigcwatch.contract.analysts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigcwatch.testkit.stack.LocalStackExtension;
import io.aigcwatch.testkit.stack.LocalStackRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analysts' model through the gateway of the real stack, as a user meets it: the seed's Chinese companies found
 * by pinyin, a profile edited with If-Match and found by its new alias, an acquisition taking a unicorn off the list
 * with reason EXIT while its history stays, and the round's investor with a portfolio.
 */
@ExtendWith(LocalStackExtension.class)
class AnalystsModelOnStackTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theSeedsChineseCompaniesAreFoundByPinyin(LocalStackRun stack) throws Exception {
        assertTrue(names(stack, "zhipu").contains("Zhipu AI"), "zhipu finds 智谱AI");
        JsonNode zhipu = first(stack, "zhipu", "Zhipu AI");
        assertEquals("智谱AI", zhipu.path("company").path("localName").asText(), zhipu.toString());
        assertTrue(names(stack, "chaocanshu").contains("Chaocanshu Keji"), "chaocanshu finds 超参数科技");
        assertTrue(names(stack, "智谱").contains("Zhipu AI"), "the characters find it too");
    }

    @Test
    void anAcquisitionTakesAUnicornOffTheListWithReasonExitAndKeepsItsHistory(LocalStackRun stack) throws Exception {
        String name = "Analyst Exit " + UUID.randomUUID().toString().substring(0, 8);
        String investor = "Exit Test Capital " + UUID.randomUUID().toString().substring(0, 8);
        JsonNode round = send(stack, "POST", "/api/funding-events", unicornRound(name, investor), 201);
        String id = round.path("company").path("id").asText();
        await("the new unicorn is listed").atMost(Duration.ofSeconds(30))
                .until(() -> listedUnicorns(stack).contains(id));

        // the profile: an alias, found at once; an edit without If-Match is refused
        send(stack, "PATCH", "/api/companies/" + id, "{\"headquarters\": \"Hangzhou\"}", 428);
        String etag = etag(stack, id);
        send(stack, "PATCH", "/api/companies/" + id, "{\"aliases\": [\"" + name + " Labs\"]}", 200, "If-Match", etag);
        assertTrue(names(stack, name + " labs").contains(name), "found by its new alias");

        send(stack, "POST", "/api/companies/" + id + "/status-events", """
                {"status": "ACQUIRED", "effectiveOn": "2024-09-30", "source": "https://example.org/acquired",
                 "acquirer": "Big Acquirer Inc"}""", 201, "If-Match", etag(stack, id));
        await("off the list, with reason EXIT").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode unicorns = get(stack, "/api/unicorns?limit=500");
            assertFalse(ids(unicorns.path("items")).contains(id));
            JsonNode excluded = StreamSupport.stream(unicorns.path("excluded").spliterator(), false)
                    .filter(company -> company.path("companyId").asText().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("not among the excluded: " + unicorns.path("excluded")));
            assertEquals("EXIT", excluded.path("leftReason").asText(), excluded.toString());
        });
        assertFalse(get(stack, "/api/companies/" + id + "/valuations").path("points").isEmpty(),
                "its valuation history stays");
        assertEquals("ACQUIRED", get(stack, "/api/companies/" + id).path("company").path("status").asText());

        String investorId = round.path("investors").path(0).path("id").asText();
        JsonNode portfolio = get(stack, "/api/investors/" + investorId);
        assertEquals(investor, portfolio.path("investor").path("name").asText(), portfolio.toString());
        assertEquals(List.of(id), StreamSupport.stream(portfolio.path("portfolio").spliterator(), false)
                .map(holding -> holding.path("company").path("id").asText()).toList());
        assertEquals(1, get(stack, "/api/funding-events?investor=" + investorId).path("items").size());
    }

    private String unicornRound(String name, String investor) throws Exception {
        ObjectNode body = json.createObjectNode();
        body.putObject("company").put("name", name).put("country", "CN").put("layer", "MODEL")
                .putArray("segments").add("TEXT");
        body.put("round", "SERIES_B");
        body.putObject("amount").put("value", "200000000").put("currency", "USD");
        body.putObject("postMoneyValuation").put("value", "1500000000").put("currency", "USD");
        body.put("announcedOn", "2024-04-02");
        body.putArray("investors").addObject().put("name", investor).put("lead", true);
        body.put("source", "https://example.org/round");
        return json.writeValueAsString(body);
    }

    private List<String> listedUnicorns(LocalStackRun stack) throws Exception {
        return ids(get(stack, "/api/unicorns?limit=500").path("items"));
    }

    private static List<String> ids(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.path("companyId").asText()).toList();
    }

    private List<String> names(LocalStackRun stack, String q) throws Exception {
        return StreamSupport.stream(search(stack, q).spliterator(), false)
                .map(hit -> hit.path("company").path("name").asText()).toList();
    }

    private JsonNode first(LocalStackRun stack, String q, String name) throws Exception {
        return StreamSupport.stream(search(stack, q).spliterator(), false)
                .filter(hit -> hit.path("company").path("name").asText().equals(name)).findFirst().orElseThrow();
    }

    private JsonNode search(LocalStackRun stack, String q) throws Exception {
        return get(stack, "/api/companies?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).path("items");
    }

    private String etag(LocalStackRun stack, String id) throws Exception {
        HttpResponse<String> read = client.send(HttpRequest.newBuilder(stack.gateway().resolve("/api/companies/" + id))
                .header("X-API-Key", stack.readKey()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode(), read.body());
        return read.headers().firstValue("ETag").orElseThrow();
    }

    private JsonNode get(LocalStackRun stack, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(stack.gateway().resolve(path))
                .header("X-API-Key", stack.readKey()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return json.readTree(response.body());
    }

    private JsonNode send(LocalStackRun stack, String method, String path, String body, int expected,
                          String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.gateway().resolve(path))
                .header("X-API-Key", stack.adminKey()).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
        if (expected >= 400) {
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        }
        return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    }
}
