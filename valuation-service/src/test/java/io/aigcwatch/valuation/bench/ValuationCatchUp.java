package io.aigcwatch.valuation.bench;

import io.aigcwatch.events.Topics;
import io.aigcwatch.testkit.TestCredential;
import io.aigcwatch.testkit.bench.CatchUpBenchmark;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.UUID;

/**
 * How fast valuation-service drains a backlog of funding events: the first half each values a new company as a
 * unicorn, the second half values each of those companies again, higher, by a later round (so every event writes a
 * point and a change with its outbox row and change-log entry, and half of them update state stored before). Run with
 * {@code mvn -B -q -Pcatchup-benchmark -pl valuation-service -am verify -DskipTests [-Dbench.events=1000000]}.
 */
public final class ValuationCatchUp {

    public static void main(String[] args) throws Exception {
        JsonMapper json = JsonMapper.createDefault();
        int companies = (CatchUpBenchmark.events() + 1) / 2;
        CatchUpBenchmark.run("valuation-service", "valuation", Topics.FUNDING_EVENTS, i -> {
            boolean first = i < companies;
            UUID company = UUID.nameUUIDFromBytes(("catch-up company " + (first ? i : i - companies)).getBytes());
            try {
                return new CatchUpBenchmark.Event(company.toString(), ValuationBenchmark.round(json, company,
                        UUID.randomUUID(), first ? "1500000000" : "2500000000",
                        first ? LocalDate.of(2024, 1, 15) : LocalDate.of(2024, 9, 15)));
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }, properties -> {
            HashMap<String, Object> withCredential = new HashMap<>(properties);
            withCredential.put(TestCredential.PROPERTY, TestCredential.VALUE);
            return ApplicationContext.run(EmbeddedServer.class, withCredential);
        });
    }
}
