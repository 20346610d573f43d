package io.aigcwatch.market.recompute;

import io.aigcwatch.events.Topics;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.aigcwatch.testkit.TopicReader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An input applied by a service that stopped before its recompute ran (a coalesce window of an hour stands for a
 * crash inside the window) is published by the next start, once; a start after that publishes nothing more.
 */
@ExtendWith(RealInfraExtension.class)
class RecomputeAfterRestartTest {

    @Test
    void anInputAppliedButNeverPublishedIsPublishedOnceByTheNextStart(TestInfra infra) throws Exception {
        String name = "Applied Before A Crash " + UUID.randomUUID();
        try (EmbeddedServer beforeCrash = start(infra, "1h")) {
            UnicornInput.send(infra, beforeCrash.getApplicationContext().getBean(JsonMapper.class), name);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    infra.queryLong("select count(*) from market.company_value where name = '" + name + "'") == 1);
        }
        assertEquals(0, UnicornInput.eventsNaming(infra, name), "applied, but never recomputed");

        try (EmbeddedServer restarted = start(infra, "250ms")) {
            assertEquals(1, UnicornInput.eventsNaming(infra, name), "published as the service started");
            try (TopicReader recomputed = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.MARKET_PROJECTIONS))) {
                recomputed.awaitRecords(Duration.ofSeconds(20), records -> naming(records, name) == 1);
            }
        }
        try (EmbeddedServer again = start(infra, "250ms")) {
            assertEquals(1, UnicornInput.eventsNaming(infra, name), "a start with nothing new publishes nothing");
        }
    }

    private static long naming(List<ConsumerRecord<String, String>> records, String name) {
        return records.stream().filter(record -> record.value().contains(UnicornInput.key(name))).count();
    }

    private static EmbeddedServer start(TestInfra infra, String coalesceWindow) {
        Map<String, Object> properties = new LinkedHashMap<>(infra.testProperties());
        properties.put("aigcwatch.market.coalesce-window", coalesceWindow);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }
}
