package io.aigcwatch.valuation;

import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.aigcwatch.testkit.TopicReader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two instances in one consumer group share the partitions and apply each event once; a fresh group replaying
 * the topic from offset 0 changes no valuation and emits nothing.
 */
@ExtendWith(RealInfraExtension.class)
class ConsumerGroupTest {
    private static final int COMPANIES = 30;

    @Test
    void twoInstancesShareTheWorkAndAReplayFromOffsetZeroChangesNothing(TestInfra infra) throws Exception {
        try (EmbeddedServer first = start(infra, "valuation-service");
             EmbeddedServer second = start(infra, "valuation-service");
             TopicReader changes = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.VALUATION_CHANGES));
             FundingEvents funding = new FundingEvents(infra.bootstrapServers(), infra.topic(Topics.FUNDING_EVENTS),
                     first.getApplicationContext().getBean(JsonMapper.class))) {
            awaitMembersWithPartitions(infra, "valuation-service", 2);
            for (int i = 0; i < COMPANIES; i++) {
                CompanyData company = FundingEvents.company("Group Member " + i);
                funding.recorded(FundingEvents.round(company, UUID.randomUUID(), 1, "2000000000", LocalDate.of(2024, 1, 1)));
            }
            List<ConsumerRecord<String, String>> emitted = changes.awaitRecords(Duration.ofSeconds(30),
                    records -> records.size() >= COMPANIES);
            assertEquals(COMPANIES, emitted.size());
            assertEquals(COMPANIES, emitted.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).size(),
                    "one change per company, none applied twice");
            Map<String, String> before = valuations(infra);

            try (EmbeddedServer replay = start(infra, "valuation-replay")) {
                await().atMost(Duration.ofSeconds(30)).until(() -> lag(infra, "valuation-replay") == 0);
            }
            assertEquals(COMPANIES, changes.drain(Duration.ofSeconds(1)).size(), "the replay emitted nothing");
            assertEquals(before, valuations(infra), "and changed no valuation");
            assertEquals(COMPANIES, infra.queryLong("select count(*) from valuation.processed_event"));
        }
    }

    private static EmbeddedServer start(TestInfra infra, String group) {
        Map<String, Object> properties = new HashMap<>(infra.testProperties());
        properties.put("aigcwatch.valuation.consumer-group", group);
        // one consumer per instance, so that two group members are two instances
        properties.put("aigcwatch.valuation.consumer-threads", 1);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private static void awaitMembersWithPartitions(TestInfra infra, String group, int members) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (AdminClient admin = admin(infra)) {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                return description.members().stream()
                        .filter(member -> !member.assignment().topicPartitions().isEmpty()).count() == members;
            }
        });
    }

    /** How many records of the funding topic the group has yet to commit. */
    private static long lag(TestInfra infra, String group) throws Exception {
        try (AdminClient admin = admin(infra)) {
            var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            var ends = admin.listOffsets(committed.keySet().stream().collect(Collectors.toMap(p -> p,
                    p -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
            if (committed.isEmpty()) {
                return Long.MAX_VALUE;
            }
            long total = 0;
            for (var entry : committed.entrySet()) {
                total += ends.get(entry.getKey()).offset() - entry.getValue().offset();
            }
            Set<String> topics = committed.keySet().stream().map(p -> p.topic()).collect(Collectors.toSet());
            return topics.contains(infra.topic(Topics.FUNDING_EVENTS)) ? total : Long.MAX_VALUE;
        }
    }

    private static AdminClient admin(TestInfra infra) {
        return AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()));
    }

    private static Map<String, String> valuations(TestInfra infra) throws Exception {
        Map<String, String> state = new HashMap<>();
        try (Connection connection = infra.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select company_id, usd, status, joined_on, updated_at from valuation.company_valuation")) {
            while (rows.next()) {
                state.put(rows.getString(1), rows.getString(2) + "/" + rows.getString(3) + "/" + rows.getString(4)
                        + "/" + rows.getString(5));
            }
        }
        return state;
    }

}
