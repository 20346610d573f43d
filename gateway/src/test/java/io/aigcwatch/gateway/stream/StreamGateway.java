package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.Topics;
import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.StubService;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.json.JsonMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.awaitility.Awaitility.await;

/**
 * A gateway streaming its test class's own change topic, created with several partitions as valuation-service
 * creates it (so that ids span more than one), and a producer of changes into it. Returns once the hub reads every
 * partition.
 */
record StreamGateway(Admin admin, Gateway gateway, ValuationChanges changes) implements AutoCloseable {

    /** @param more stream settings and the like, on top of the class's share of the servers */
    static StreamGateway start(TestInfra infra, int partitions, Map<String, Object> more)
            throws ExecutionException, InterruptedException {
        String topic = infra.topic(Topics.VALUATION_CHANGES);
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()));
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        Map<String, Object> properties = new HashMap<>(infra.testProperties());
        properties.putAll(more);
        String nowhere = StubService.nobodyListening();
        Gateway gateway = Gateway.start(Map.of("funding", nowhere, "valuation", nowhere, "market", nowhere), properties);
        ValuationChanges changes = new ValuationChanges(infra.bootstrapServers(), topic,
                gateway.context().getBean(JsonMapper.class));
        ChangeHub hub = gateway.context().getBean(ChangeHub.class);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> hub.position() != null && hub.position().nextOffsets().size() == partitions);
        return new StreamGateway(admin, gateway, changes);
    }

    ChangeHub hub() {
        return gateway.context().getBean(ChangeHub.class);
    }

    @Override
    public void close() {
        changes.close();
        gateway.close();
        admin.close();
    }
}
