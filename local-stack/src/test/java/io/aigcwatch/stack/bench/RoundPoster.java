package io.aigcwatch.stack.bench;

import io.aigcwatch.testkit.bench.PlainHttpClient;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts rounds to one address, a keep-alive connection per calling thread. Every round is new: its company and date
 * never repeat one posted before, so the service does the full work of a first recording and answers 201.
 */
final class RoundPoster implements AutoCloseable {
    private static final int COMPANIES = 2_000;
    private static final int DAYS_APART = 61;
    private static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);
    /** Dates a company's rounds take before the next set of companies begins; the last is still in the past. */
    private static final int DATES = 30;
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final URI base;
    private final String path;
    private final Map<String, String> headers;
    private final ThreadLocal<PlainHttpClient> connections = new ThreadLocal<>();
    private final List<PlainHttpClient> opened = new CopyOnWriteArrayList<>();

    RoundPoster(URI base, String path, Map<String, String> headers) {
        this.base = base;
        this.path = path;
        this.headers = headers;
    }

    /**
     * A round of one of a few thousand recurring companies, as most rounds in real use are. After {@link #DATES}
     * rounds each, a new set of companies takes over, so that no date lies in the future however long a run posts.
     */
    PlainHttpClient.Response postRecurring() throws IOException {
        long n = SEQUENCE.incrementAndGet();
        long company = n % COMPANIES + n / (COMPANIES * DATES) * COMPANIES;
        LocalDate announced = FIRST_DAY.plusDays(n / COMPANIES % DATES * DAYS_APART);
        return post("""
                {"company": {"name": "Bench Company %d", "country": "CN", "layer": "MODEL", "segments": ["TEXT"]},
                 "round": "SERIES_A", "amount": {"value": "%d", "currency": "CNY", "precision": "EXACT"},
                 "announcedOn": "%s", "investors": [{"name": "Bench Capital", "lead": true}],
                 "source": "benchmark"}""".formatted(company, 1_000_000 + n, announced));
    }

    /** The first round of a new company with a post-money valuation: valuation-service publishes a change for it. */
    PlainHttpClient.Response postValued(String company) throws IOException {
        long n = SEQUENCE.incrementAndGet();
        return post("""
                {"company": {"name": "%s", "country": "CN", "layer": "APPLICATION"},
                 "round": "SERIES_B", "amount": {"value": "%d", "currency": "USD", "precision": "EXACT"},
                 "postMoneyValuation": {"value": "%d", "currency": "USD"},
                 "announcedOn": "2024-06-01", "investors": [{"name": "Bench Capital", "lead": true}],
                 "source": "benchmark"}""".formatted(company, 100_000_000 + n, 2_000_000_000L + n));
    }

    private PlainHttpClient.Response post(String body) throws IOException {
        PlainHttpClient connection = connections.get();
        if (connection == null) {
            connection = new PlainHttpClient(base, headers);
            connections.set(connection);
            opened.add(connection);
        }
        try {
            return connection.postJson(path, body);
        } catch (IOException e) {
            // a broken connection is not used again; the next round opens a new one
            connections.remove();
            connection.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        for (PlainHttpClient connection : opened) {
            connection.close();
        }
    }
}
