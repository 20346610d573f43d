package io.aigcwatch.valuation.ledger;

import io.aigcwatch.testkit.TestCredential;
import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.valuation.StatusTransition;
import io.aigcwatch.events.valuation.UnicornStatus;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two transactions append to the change log, and the one that appended first commits last: a poller that reads in
 * between and resumes from its cursor gets both, in the order they committed, neither skipped nor twice.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeLogOrderTest implements TestPropertyProvider {
    private final TestInfra infra = RealInfraExtension.forClass(ChangeLogOrderTest.class);

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ChangeLog changeLog;
    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    @Test
    void aPollerResumingFromItsCursorGetsAChangeThatAppendedFirstAndCommittedLast() throws Exception {
        Map<String, Object> before = page(0);
        long cursor = ((Number) before.get("next")).longValue();
        assertEquals(List.of(), before.get("items"));
        assertEquals(0, cursor, "an empty log still answers a cursor to resume from");

        CountDownLatch earlierAppended = new CountDownLatch(1);
        CountDownLatch commitEarlier = new CountDownLatch(1);
        CompletableFuture<Void> earlier = CompletableFuture.runAsync(() -> transactions.executeWrite(status -> {
            changeLog.appendAll(List.of(change("Appended First")));
            earlierAppended.countDown();
            awaitQuietly(commitEarlier);
            return null;
        }));
        try {
            assertTrue(earlierAppended.await(20, TimeUnit.SECONDS));
            transactions.executeWrite(status -> {
                changeLog.appendAll(List.of(change("Appended Second")));
                return null;
            });
            assertThrows(IllegalStateException.class, () -> transactions.executeWrite(status -> {
                changeLog.appendAll(List.of(change("Rolled Back")));
                throw new IllegalStateException("this change never commits");
            }));

            Map<String, Object> between = page(cursor);
            assertEquals(List.of("Appended Second"), names(between), "only what committed so far");
            cursor = ((Number) between.get("next")).longValue();
        } finally {
            commitEarlier.countDown();
        }
        earlier.get(20, TimeUnit.SECONDS);

        Map<String, Object> after = page(cursor);
        assertEquals(List.of("Appended First"), names(after), "the change that committed last comes after the cursor");
        long last = ((Number) after.get("next")).longValue();
        Map<String, Object> caughtUp = page(last);
        assertEquals(List.of(), caughtUp.get("items"));
        assertEquals(last, ((Number) caughtUp.get("next")).longValue(), "an empty page keeps the cursor it was given");
        assertEquals(List.of("Appended Second", "Appended First"), names(page(0)), "commit order, from the start");
    }

    private static CloudEvent<ValuationChanged> change(String name) {
        UUID company = UUID.randomUUID();
        ValuationChanged change = new ValuationChanged(company, name, "US", Layer.MODEL, null,
                new BigDecimal("1500000000"), null, UnicornStatus.NONE, UnicornStatus.UNICORN, StatusTransition.ENTERED,
                LocalDate.of(2024, 1, 1), "REPORTED", "MARK", company, company, null);
        return CloudEvent.of(ValuationLedger.EVENT_SOURCE, ValuationChanged.TYPE, company.toString(), Instant.now(), change);
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Map<String, Object> page) {
        List<String> names = new ArrayList<>();
        for (Object item : (List<?>) page.get("items")) {
            names.add((String) ((Map<String, Object>) ((Map<String, Object>) item).get("data")).get("companyName"));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> page(long cursor) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(TestCredential.on(HttpRequest.newBuilder(
                server.getURI().resolve("/valuation-changes?limit=10&cursor=" + cursor))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return json.readValue(response.body(), Map.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the first transaction commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
