package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.Topics;
import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.SseClient;
import io.aigcwatch.gateway.support.StubService;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.json.JsonMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The gateway may start before valuation-service has created the change topic. */
@ExtendWith(RealInfraExtension.class)
class StreamBeforeTopicTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void aClientConnectedBeforeTheTopicExistsGetsItsFirstChanges(TestInfra infra) throws Exception {
        String topic = infra.topic(Topics.VALUATION_CHANGES);
        String nowhere = StubService.nobodyListening();
        try (Gateway gateway = Gateway.start(Map.of("funding", nowhere, "valuation", nowhere, "market", nowhere),
                Map.copyOf(infra.testProperties()));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()))) {
            ChangeHub hub = gateway.context().getBean(ChangeHub.class);
            await().atMost(WAIT).until(() -> StreamPosition.BEFORE_TOPIC.equals(hub.position()));

            try (SseClient client = SseClient.connect(gateway.uri("/api/valuation-changes/stream"), Map.of("X-API-Key", Gateway.READ_KEY));
                 ValuationChanges changes = new ValuationChanges(infra.bootstrapServers(), topic,
                         gateway.context().getBean(JsonMapper.class))) {
                SseClient.Message ready = await().atMost(WAIT)
                        .until(() -> client.events(SseMessages.READY), events -> !events.isEmpty()).get(0);
                assertEquals("-", ready.lastEventId());

                admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
                ValuationChanges.Published first = changes.change(ValuationChanges.company("Early AI"));

                SseClient.Message received = await().atMost(WAIT)
                        .until(() -> client.events(SseMessages.CHANGED), events -> !events.isEmpty()).get(0);
                assertEquals(first.json(), received.data());
            }
        }
    }
}
