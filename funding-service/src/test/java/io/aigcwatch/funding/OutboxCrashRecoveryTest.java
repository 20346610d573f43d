package io.aigcwatch.funding;

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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The relay's crash recovery on the real servers: rows committed by an instance that died before sending are
 * sent by the next one, and a row sent whose "sent" mark was lost is sent again with the same event id, so a
 * consumer that dedups on the id sees each logical event exactly once.
 */
@ExtendWith(RealInfraExtension.class)
class OutboxCrashRecoveryTest {

    @Test
    void committedEventsSurviveACrashBeforeSendAndAResendKeepsTheirIds(TestInfra infra) throws Exception {
        List<String> roundIds = new ArrayList<>();
        try (EmbeddedServer crashed = start(infra, false)) {
            Http http = new Http(crashed.getURI(), crashed.getApplicationContext().getBean(JsonMapper.class));
            for (String company : List.of("Crash One", "Crash Two", "Crash Three")) {
                var created = http.post("/funding-events", Rounds.round(company, "SEED", "1000000", "USD", "2023-02-02"));
                assertEquals(201, created.statusCode(), created.body());
                roundIds.add((String) http.map(created.body()).get("id"));
            }
        }
        assertEquals(3, infra.queryLong("select count(*) from funding.outbox where sent_at is null"));

        try (TopicReader topic = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.FUNDING_EVENTS))) {
            assertEquals(List.of(), topic.drain(Duration.ofMillis(500)), "nothing may be sent before the relay runs");

            try (EmbeddedServer restarted = start(infra, true)) {
                List<ConsumerRecord<String, String>> records = topic.awaitRecords(Duration.ofSeconds(20), seen -> seen.size() >= 3);
                assertEquals(3, records.size());
                assertEquals(Set.copyOf(roundIds), records.stream().map(r -> roundIdOf(r.value())).collect(Collectors.toSet()));
                assertEquals(eventIdsInOutbox(infra), eventIds(records));
            }
            assertEquals(0, infra.queryLong("select count(*) from funding.outbox where sent_at is null"));

            // Kafka acknowledged, then the process died before the "sent" mark committed.
            String resentId = text(infra, "select id::text from funding.outbox order by seq limit 1");
            exec(infra, "update funding.outbox set sent_at = null where id = '" + resentId + "'");
            try (EmbeddedServer recovered = start(infra, true)) {
                List<ConsumerRecord<String, String>> records = topic.awaitRecords(Duration.ofSeconds(20), seen -> seen.size() >= 4);
                assertEquals(4, records.size(), "the unmarked row is sent once more");
                List<ConsumerRecord<String, String>> copies = records.stream()
                        .filter(r -> r.value().contains("\"id\":\"" + resentId + "\"")).toList();
                assertEquals(2, copies.size());
                assertEquals(copies.get(0).value(), copies.get(1).value());
                assertEquals(copies.get(0).key(), copies.get(1).key());
                assertEquals(copies.get(0).partition(), copies.get(1).partition());
                assertEquals(3, eventIds(records).size(), "a consumer deduplicating on the event id sees each event once");
                assertEquals(4, topic.drain(Duration.ofMillis(500)).size(), "and only once");
            }
        }
    }

    private static EmbeddedServer start(TestInfra infra, boolean relay) {
        Map<String, Object> properties = new HashMap<>(infra.serviceProperties());
        properties.put("micronaut.server.port", -1);
        properties.put("aigcwatch.outbox.enabled", relay);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private static String roundIdOf(String event) {
        int at = event.indexOf("\"roundId\":\"") + "\"roundId\":\"".length();
        return event.substring(at, at + 36);
    }

    private static Set<String> eventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> {
            int at = r.value().indexOf("\"id\":\"") + "\"id\":\"".length();
            return r.value().substring(at, at + 36);
        }).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> eventIdsInOutbox(TestInfra infra) throws Exception {
        Set<String> ids = new TreeSet<>();
        try (Connection connection = infra.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select id from funding.outbox")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }


    private static String text(TestInfra infra, String sql) throws Exception {
        try (Connection connection = infra.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void exec(TestInfra infra, String sql) throws Exception {
        try (Connection connection = infra.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
