package io.aigcwatch.market.shares;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The funding listener takes whole polled batches: records that wait behind a paused consumer come back in one poll,
 * a poison among them is parked alone with its headers, and each good round counts once, a duplicate inside the
 * poll or in a later one changing nothing.
 */
class MarketBatchIntakeTest extends MarketIntakeTest {
    @Test
    void aPoisonInOnePollIsParkedAloneAndEachGoodRoundCountsOnce() throws Exception {
        UUID company = UUID.randomUUID();
        String key = company.toString();
        CloudEvent<FundingRoundData> first = MarketConsumersTest.recorded(company, "Batch Capital");
        pauseAll();
        send(key, json.writeValueAsString(first));
        send(key, "not json in a batch");
        send(key, json.writeValueAsString(first));
        send(key, json.writeValueAsString(MarketConsumersTest.recorded(company, "Batch Capital")));
        resumeAll();

        await().atMost(Duration.ofSeconds(30)).until(() -> rounds("Batch Capital") == 2);
        try (TopicReader dlt = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.dlt(Topics.FUNDING_EVENTS)))) {
            List<ConsumerRecord<String, String>> parked = dlt.awaitRecords(Duration.ofSeconds(20), records -> !records.isEmpty());
            assertEquals(1, parked.size());
            assertEquals("not json in a batch", parked.get(0).value());
            assertEquals(key, parked.get(0).key());
            assertTrue(header(parked.get(0), Topics.DLT_REASON).startsWith("not a CloudEvent"), parked.get(0)::toString);
            assertEquals("market-service", header(parked.get(0), Topics.DLT_CONSUMER));
        }

        send(key, json.writeValueAsString(first));
        send(key, json.writeValueAsString(MarketConsumersTest.recorded(company, "Later Capital")));
        // behind the resent event on its partition: once it counted, the resent one was taken
        await().atMost(Duration.ofSeconds(30)).until(() -> rounds("Later Capital") == 1);
        assertEquals(2, rounds("Batch Capital"), "a duplicate in a later poll changed nothing");
    }

    private long rounds(String investor) throws java.sql.SQLException {
        return infra.queryLong("select coalesce(max(rounds), 0) from market.funding_aggregate where bucket = '"
                + investor + "'");
    }

    private void send(String key, String value) throws Exception {
        send(Topics.FUNDING_EVENTS, null, key, value);
    }
}
