package io.aigcwatch.valuation.bench;

import io.aigcwatch.events.Topics;
import io.aigcwatch.testkit.TestCredential;
import io.aigcwatch.testkit.bench.CatchUpBenchmark;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.UUID;

/**
 * How fast valuation-service drains a backlog of funding events, each a new company valued as a unicorn (so each
 * also writes a change and its outbox row). Run with
 * {@code mvn -B -q -Pcatchup-benchmark -pl valuation-service -am verify -DskipTests [-Dbench.events=1000000]}.
 */
public final class ValuationCatchUp {

    public static void main(String[] args) throws Exception {
        JsonMapper json = JsonMapper.createDefault();
        CatchUpBenchmark.run("valuation-service", "valuation", Topics.FUNDING_EVENTS, i -> {
            UUID company = UUID.randomUUID();
            try {
                return new CatchUpBenchmark.Event(company.toString(), ValuationBenchmark.unicornRound(json, company));
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
