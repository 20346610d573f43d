package io.aigcwatch.funding;

import io.aigcwatch.kit.caller.CallerHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.aigcwatch.funding.Http.at;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An Idempotency-Key is held for as long as its first request can still commit, however long that takes, and only
 * that request's response is ever stored for it; the key belongs to the API key that sent it. The first request is
 * held in flight by a lock this test takes on its company's row, from its own connection, the row the service locks
 * before it records a round.
 */
class IdempotencyFencingTest extends FundingApiTest {
    /** Longer than any claim used to be kept before a retry could take it over. */
    private static final String LONG_AGO = "interval '10 minutes'";

    private final ExecutorService clients = Executors.newCachedThreadPool();

    @AfterAll
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void aRetryWhileTheFirstRequestStillRunsIsRefusedHoweverLateItComesAndOnlyOneRecords() throws Exception {
        String body = distinct(Rounds.round("Takeover AI", "SERIES_B", "100000000", "USD", "2024-03-01"));
        Future<HttpResponse<String>> first;
        Future<HttpResponse<String>> retry;
        try (CompanyLock held = lockCompany("Takeover AI")) {
            first = post(body, "key-takeover", null);
            held.awaitWaiters(1);
            claimsStartedLongAgo();
            retry = post(body, "key-takeover", null);
            await().atMost(Duration.ofSeconds(20)).until(() -> retry.isDone() || held.waiters() >= 2);
            assertTrue(retry.isDone(), "the retry was let in while the first request still ran");
        }
        assertEquals(409, retry.get().statusCode(), retry.get().body());
        assertTrue(http.map(retry.get().body()).get("type").toString().endsWith("idempotency-key-in-flight"));
        assertEquals(201, first.get().statusCode(), first.get().body());
        assertEquals(1, infra.queryLong("select count(*) from funding.funding_round"
                + " where company_id = (select id from funding.company where name = 'Takeover AI')"));

        HttpResponse<String> later = http.post("/funding-events", body, "Idempotency-Key", "key-takeover");
        assertEquals(201, later.statusCode());
        assertEquals("true", later.headers().firstValue("Idempotent-Replayed").orElseThrow());
        assertEquals(first.get().body(), later.body());
    }

    @Test
    void noLaterRequestOverwritesTheResponseTheFirstOneGot() throws Exception {
        String body = distinct(Rounds.round("Overwrite AI", "SERIES_C", "200000000", "USD", "2024-04-01"));
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        try (CompanyLock held = lockCompany("Overwrite AI")) {
            sent.add(post(body, "key-overwrite", null));
            held.awaitWaiters(1);
            claimsStartedLongAgo();
            Future<HttpResponse<String>> late = post(body, "key-overwrite", null);
            sent.add(late);
            await().atMost(Duration.ofSeconds(20)).until(() -> late.isDone() || held.waiters() >= 2);
        }
        for (Future<HttpResponse<String>> response : sent) {
            response.get();
        }
        HttpResponse<String> replay = http.post("/funding-events", body, "Idempotency-Key", "key-overwrite");
        assertEquals(201, replay.statusCode(), replay.body());
        int created = 0;
        for (Future<HttpResponse<String>> response : sent) {
            if (response.get().statusCode() == 201) {
                created++;
                assertEquals(response.get().headers().firstValue("Location"), replay.headers().firstValue("Location"),
                        "a client was told of a round that the key no longer answers with");
                assertEquals(response.get().body(), replay.body());
            }
        }
        assertEquals(1, created);
    }

    @Test
    void theSameIdempotencyKeyFromTwoApiKeysIsTwoRequestsAndNeitherSeesTheOthersResponse() throws SQLException {
        String roundA = Rounds.round("Caller A AI", "SEED", "3000000", "USD", "2024-05-01");
        String roundB = Rounds.round("Caller B AI", "SEED", "4000000", "USD", "2024-05-01");
        HttpResponse<String> a = http.post("/funding-events", roundA, "Idempotency-Key", "shared-key",
                CallerHeaders.KEY, "key-aaaaaaaaaaaa");
        assertEquals(201, a.statusCode(), a.body());
        HttpResponse<String> b = http.post("/funding-events", roundB, "Idempotency-Key", "shared-key",
                CallerHeaders.KEY, "key-bbbbbbbbbbbb");
        assertEquals(201, b.statusCode(), "another API key's request, not a reuse: " + b.body());
        assertTrue(b.headers().firstValue("Idempotent-Replayed").isEmpty());
        assertNotEquals(a.headers().firstValue("Location"), b.headers().firstValue("Location"));

        assertEquals(a.body(), http.post("/funding-events", roundA, "Idempotency-Key", "shared-key",
                CallerHeaders.KEY, "key-aaaaaaaaaaaa").body());
        assertEquals(b.body(), http.post("/funding-events", roundB, "Idempotency-Key", "shared-key",
                CallerHeaders.KEY, "key-bbbbbbbbbbbb").body());
        HttpResponse<String> third = http.post("/funding-events", roundA, "Idempotency-Key", "shared-key",
                CallerHeaders.KEY, "key-cccccccccccc");
        assertTrue(third.headers().firstValue("Idempotent-Replayed").isEmpty(),
                "a third API key got the first one's stored response: " + third.body());
        assertEquals(409, third.statusCode(), "its own request, a duplicate of the first one's round: " + third.body());
        assertEquals(2, infra.queryLong("select count(*) from funding.idempotency_key where key = 'shared-key'"));
    }

    @Test
    void aFailedRequestLeavesNothingStoredSoItsKeyCanBeRetried() throws Exception {
        String body = Rounds.round("Retry AI", "SERIES_A", "5000000", "USD", "2024-06-01");
        assertEquals(201, http.post("/funding-events", body).statusCode());
        HttpResponse<String> duplicate = http.post("/funding-events",
                body.replace("5000000", "6000000"), "Idempotency-Key", "key-retry");
        assertEquals(409, duplicate.statusCode(), duplicate.body());
        assertEquals(0, infra.queryLong("select count(*) from funding.idempotency_key where key = 'key-retry'"));
        HttpResponse<String> retried = http.post("/funding-events",
                distinct(body.replace("5000000", "6000000")), "Idempotency-Key", "key-retry");
        assertEquals(201, retried.statusCode(), retried.body());
        assertFalse(retried.headers().firstValue("Idempotent-Replayed").isPresent());
        assertEquals("Retry AI", at(http.map(retried.body()), "company.name"));
    }

    private Future<HttpResponse<String>> post(String body, String key, String caller) {
        return clients.submit(() -> caller == null
                ? http.post("/funding-events", body, "Idempotency-Key", key)
                : http.post("/funding-events", body, "Idempotency-Key", key, CallerHeaders.KEY, caller));
    }

    /** What the old 60-second takeover waited for: the first request's claim looks abandoned, as if time had passed. */
    private void claimsStartedLongAgo() throws SQLException {
        try (Connection connection = infra.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("update funding.idempotency_key set claimed_at = claimed_at - " + LONG_AGO);
        }
    }

    private static String distinct(String round) {
        return round.replace("\"source\"", "\"distinctRound\": true, \"source\"");
    }

    /** Registers the company, then holds its row locked, from this test's own connection, until closed. */
    private CompanyLock lockCompany(String name) throws SQLException {
        HttpResponse<String> registered = http.post("/companies",
                "{\"name\": \"" + name + "\", \"country\": \"CN\", \"layer\": \"MODEL\"}");
        assertTrue(registered.statusCode() < 300, registered.body());
        Connection connection = infra.connect();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement(
                "select id from funding.company where name = ? for update")) {
            lock.setString(1, name);
            assertTrue(lock.executeQuery().next());
        }
        return new CompanyLock(connection);
    }

    private final class CompanyLock implements AutoCloseable {
        private final Connection connection;

        CompanyLock(Connection connection) {
            this.connection = connection;
        }

        /** Requests of the service waiting for a lock, such as this one. */
        long waiters() throws SQLException {
            return infra.queryLong("select count(*) from pg_stat_activity"
                    + " where datname = current_database() and wait_event_type = 'Lock'");
        }

        void awaitWaiters(int count) {
            await().atMost(Duration.ofSeconds(20)).until(() -> waiters() >= count);
        }

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }
}
