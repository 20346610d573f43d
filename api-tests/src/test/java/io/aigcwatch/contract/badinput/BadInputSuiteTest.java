package io.aigcwatch.contract.badinput;

import io.aigcwatch.testkit.stack.LocalStackExtension;
import io.aigcwatch.testkit.stack.LocalStackRun;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 11 item 9: hostile requests generated from the OpenAPI document the running gateway serves, at every
 * operation, against the real local stack. Every answer must be a success or a 4xx problem document, never a 5xx,
 * a broken connection or a timeout; and a refused request writes no row in any service's schema (the rows of every
 * table are counted before and after each refused request that could write; after a success the suite waits until
 * what it set off has settled).
 */
@ExtendWith(LocalStackExtension.class)
class BadInputSuiteTest {
    /** Fixed, so that a failure names the same requests on every run. */
    private static final long SEED = 20261130L;
    private static final int AT_LEAST = 1_000;
    private static final Duration SETTLE = Duration.ofSeconds(15);
    private static final Duration QUIET = Duration.ofMillis(750);

    @Test
    void everyOperationAnswersHostileInputWithAProblemAndWritesNothing(LocalStackRun stack) throws Exception {
        OpenAPI document = servedDocument(stack.gateway());
        List<Endpoint> endpoints = Endpoint.all(document.getPaths());
        ProbeGenerator generator = new ProbeGenerator(SEED);
        ProbeRunner runner = new ProbeRunner(stack.gateway(), stack.adminKey());
        Map<String, Integer> perOperation = new LinkedHashMap<>();
        List<Outcome> failures = new ArrayList<>();
        List<String> writes = new ArrayList<>();
        int sent = 0;
        int unsendable = 0;

        try (RowCounts rows = RowCounts.of(stack.database())) {
            AtomicReference<Map<String, Long>> settled = new AtomicReference<>(settle(rows));
            for (Endpoint endpoint : endpoints) {
                for (Probe probe : generator.probes(endpoint)) {
                    HttpRequest request;
                    try {
                        request = runner.request(probe);
                    } catch (IllegalArgumentException refusedByTheClient) {
                        unsendable++;
                        continue;
                    }
                    Outcome outcome = runner.send(probe, request);
                    sent++;
                    perOperation.merge(endpoint.id(), 1, Integer::sum);
                    if (!outcome.acceptable()) {
                        failures.add(outcome);
                    }
                    if (!probe.writes()) {
                        continue;
                    }
                    if (outcome.succeeded() || outcome.timedOut() || outcome.serverError()) {
                        // what it set off (outbox, consumers) is not the next refused request's doing
                        settled.set(settle(rows));
                    } else {
                        Map<String, Long> after = rows.snapshot();
                        List<String> changed = RowCounts.changes(settled.get(), after);
                        if (!changed.isEmpty()) {
                            writes.add(outcome.describe() + " changed " + changed);
                            settled.set(settle(rows));
                        }
                    }
                }
            }
        }

        long timeouts = failures.stream().filter(Outcome::timedOut).count();
        long serverErrors = failures.stream().filter(Outcome::serverError).count();
        String summary = String.format(Locale.ROOT, "bad-input suite: %,d requests over %d operations"
                        + " (seed %d, %d the JDK client would not send): %d server errors, %d timeouts or broken"
                        + " connections, %d 4xx without a problem document, %d rows written by refused requests",
                sent, perOperation.size(), SEED, unsendable, serverErrors, timeouts,
                failures.size() - serverErrors - timeouts, writes.size());
        System.out.println(summary);
        System.out.println("bad-input suite: requests by operation " + perOperation);

        assertEquals(endpoints.size(), perOperation.size(), "every operation was probed");
        int requests = sent;
        assertTrue(requests >= AT_LEAST, () -> "only " + requests + " requests: " + perOperation);
        if (!failures.isEmpty() || !writes.isEmpty()) {
            fail(summary + "\n" + report(failures, writes));
        }
    }

    private static OpenAPI servedDocument(URI gateway) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                gateway.resolve("/api/openapi.yml")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI document = new OpenAPIParser().readContents(response.body(), null, options).getOpenAPI();
        assertNotNull(document, "swagger-parser could not read the served document");
        return document;
    }

    /** The counts once they have held still for a moment, or as they are when that takes too long. */
    private static Map<String, Long> settle(RowCounts rows) {
        AtomicReference<Map<String, Long>> last = new AtomicReference<>(rows.snapshot());
        AtomicReference<Long> stillSince = new AtomicReference<>(System.nanoTime());
        try {
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(150)).until(() -> {
                Map<String, Long> now = rows.snapshot();
                if (!now.equals(last.get())) {
                    last.set(now);
                    stillSince.set(System.nanoTime());
                }
                return System.nanoTime() - stillSince.get() >= QUIET.toNanos();
            });
        } catch (ConditionTimeoutException stillMoving) {
            System.out.println("bad-input suite: the row counts did not settle within " + SETTLE);
        }
        return last.get();
    }

    /** Grouped by operation and status, every failing request in full. */
    private static String report(List<Outcome> failures, List<String> writes) {
        StringBuilder text = new StringBuilder();
        Map<String, List<Outcome>> groups = failures.stream().collect(Collectors.groupingBy(
                outcome -> outcome.probe().operation() + " " + (outcome.timedOut() ? "no answer" : outcome.status()),
                LinkedHashMap::new, Collectors.toList()));
        groups.forEach((group, outcomes) -> {
            text.append("\n== ").append(group).append(": ").append(outcomes.size()).append('\n');
            outcomes.forEach(outcome -> text.append("  ").append(outcome.describe()).append('\n'));
        });
        if (!writes.isEmpty()) {
            text.append("\n== refused requests that wrote rows: ").append(writes.size()).append('\n');
            writes.forEach(write -> text.append("  ").append(write).append('\n'));
        }
        return text.toString();
    }
}
