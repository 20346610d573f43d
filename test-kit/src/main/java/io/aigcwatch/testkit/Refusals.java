package io.aigcwatch.testkit;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Requests that must be refused as out of bounds: each answered within a time that no real work fits in, with a
 * problem+json that names the field (422, or 400 where Micronaut itself could not convert a parameter) and does not repeat the value at length. Every miss is collected, so one
 * run reports them all.
 *
 * <pre>{@code
 * Refusals refusals = Refusals.changingNoRow(Duration.ofSeconds(2), infra, "funding.company");
 * refusals.expect("a page of 501", "limit", () -> http.get("/things?limit=501"));
 * refusals.assertAllRefused();
 * }</pre>
 */
public final class Refusals {
    /** An answer that does not end in time is a failure, not a hung build. */
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    private static final int LONGEST_PROBLEM = 2000;

    private final Duration within;
    private final TestInfra infra;
    private final String[] tables;
    private final Map<String, String> before;
    private final List<String> failures = new ArrayList<>();

    private Refusals(Duration within, TestInfra infra, String[] tables) throws SQLException {
        this.within = within;
        this.infra = infra;
        this.tables = tables.clone();
        this.before = RowFingerprint.of(infra, tables);
    }

    /**
     * @param within the longest a refusal may take
     * @param tables what no refusal may change, as {@link RowFingerprint} takes them
     */
    public static Refusals changingNoRow(Duration within, TestInfra infra, String... tables) throws SQLException {
        return new Refusals(within, infra, tables);
    }

    public void expect(String name, String field, Supplier<HttpResponse<String>> call) {
        long started = System.nanoTime();
        HttpResponse<String> response = assertTimeoutPreemptively(GIVE_UP, call::get, name);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String body = response.body();
        boolean refused = response.statusCode() == 422 || response.statusCode() == 400;
        if (!refused || !contentType.startsWith("application/problem+json")) {
            failures.add(name + ": " + response.statusCode() + " " + contentType + " "
                    + body.substring(0, Math.min(300, body.length())));
        } else if (!body.replace(" ", "").contains("\"field\":\"" + field + "\"")) {
            failures.add(name + ": does not name " + field + ": " + body);
        } else if (body.length() > LONGEST_PROBLEM) {
            failures.add(name + ": the problem repeats the value at length, " + body.length() + " characters");
        }
        if (took.compareTo(within) > 0) {
            failures.add(name + ": took " + took.toMillis() + " ms");
        }
    }

    /** Every request was refused as expected, and not one row of the tables changed. */
    public void assertAllRefused() throws SQLException {
        assertEquals(List.of(), failures);
        assertEquals(before, RowFingerprint.of(infra, tables), "a refused request changes no row");
    }
}
