package io.aigcwatch.funding.imports;

import io.aigcwatch.funding.Http;
import io.aigcwatch.testkit.TestCredential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Uploads a file to {@code POST /imports} and waits for its job, as a client of the API would. */
public final class Imports {
    public static final String CSV_HEADER = "company,company_local_name,country,layer,segments,round,announced_on,currency,"
            + "precision,amount,amount_low,amount_high,post_money_valuation,post_money_valuation_currency,"
            + "lead_investors,other_investors,source,distinct_round\n";

    private Imports() {
    }

    static HttpResponse<String> upload(URI base, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest request = TestCredential.on(HttpRequest.newBuilder(base.resolve("/imports")))
                .header("Content-Type", contentType).POST(body).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Uploads, expects 202, and returns the job once it is DONE. */
    public static Map<String, Object> importAndWait(Http http, URI base, String contentType, String file) {
        HttpResponse<String> accepted = upload(base, contentType, HttpRequest.BodyPublishers.ofString(file));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertEquals("/imports/" + http.map(accepted.body()).get("id"), location);
        return awaitDone(http, location);
    }

    static Map<String, Object> awaitDone(Http http, String location) {
        AtomicReference<Map<String, Object>> job = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> response = http.get(location);
            assertEquals(200, response.statusCode(), response.body());
            job.set(http.map(response.body()));
            return "DONE".equals(job.get().get("state")) || "FAILED".equals(job.get().get("state"));
        });
        assertEquals("DONE", job.get().get("state"), job.get().toString());
        return job.get();
    }

    public static long number(Map<String, Object> job, String field) {
        return ((Number) job.get(field)).longValue();
    }
}
