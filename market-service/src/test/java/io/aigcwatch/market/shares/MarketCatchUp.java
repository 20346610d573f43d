package io.aigcwatch.market.shares;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.testkit.TestCredential;
import io.aigcwatch.testkit.bench.CatchUpBenchmark;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;

/**
 * How fast market-service's funding listener drains a backlog of funding events, each a round of its own company.
 * Run with
 * {@code mvn -B -q -Pcatchup-benchmark -pl market-service -am verify -DskipTests [-Dbench.events=1000000]}.
 */
public final class MarketCatchUp {

    public static void main(String[] args) throws Exception {
        JsonMapper json = JsonMapper.createDefault();
        CatchUpBenchmark.run("market-service", "market", Topics.FUNDING_EVENTS, i -> {
            CloudEvent<FundingRoundData> event = MarketBenchmark.event(i);
            try {
                return new CatchUpBenchmark.Event(event.data().company().id().toString(),
                        json.writeValueAsString(event));
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
