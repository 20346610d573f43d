package io.aigcwatch.kit.inbox;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Topics;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.aigcwatch.testkit.TopicReader;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inbox against the real database and broker, called as a listener calls it. */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxTest implements TestPropertyProvider {
    private static final String TOPIC = Topics.FUNDING_EVENTS;

    private final TestInfra infra = RealInfraExtension.forClass(InboxTest.class);
    private final AtomicLong offsets = new AtomicLong();

    @Inject
    Inbox inbox;
    @Inject
    JsonMapper json;
    @Inject
    JdbcOperations jdbc;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(infra.testProperties());
        properties.put("micronaut.application.name", "inbox-test");
        properties.put("aigcwatch.service.schema", "inbox");
        properties.put("flyway.datasources.default.locations", "classpath:db/kit,classpath:db/inbox-test");
        properties.put("aigcwatch.outbox.enabled", "false");
        properties.put("aigcwatch.kafka.partitions", "4");
        properties.put("aigcwatch.kafka.publishes", Topics.MARKET_PROJECTIONS);
        properties.put("aigcwatch.kafka.consumes", TOPIC);
        return properties;
    }

    @Test
    void anEventAppliesOnceAndItsRedeliveryChangesNothing() throws Exception {
        ConsumerRecord<String, String> record = record(event("kept"));
        assertEquals(Inbox.Outcome.APPLIED, inbox.accept(record, handler()));
        assertEquals(Inbox.Outcome.DUPLICATE, inbox.accept(record(record.value()), handler()));
        assertEquals(1, count("applied where note = 'kept'"));
    }

    @Test
    void poisonFromTheHandlerRollsBackWhatItWroteAndIsParkedWithItsHeaders() throws Exception {
        CloudEvent<Note> refused = event("refuse");
        ConsumerRecord<String, String> record = record(refused.id(), json.writeValueAsString(refused));
        record.headers().add(new RecordHeader("trace", "t-1".getBytes(StandardCharsets.UTF_8)));

        assertEquals(Inbox.Outcome.PARKED, inbox.accept(record, handler()));
        assertEquals(0, count("applied where note = 'refuse'"), "the handler's write was rolled back");
        assertEquals(0, count("processed_event where event_id = '" + refused.id() + "'"), "and the event's id");

        ConsumerRecord<String, String> parked = parked(record);
        assertEquals(record.key(), parked.key());
        assertEquals("refused by the handler", header(parked, Topics.DLT_REASON));
        assertEquals(infra.topic(TOPIC) + "/0/" + record.offset(), header(parked, Topics.DLT_ORIGIN));
        assertEquals("inbox-test", header(parked, Topics.DLT_CONSUMER));
        assertEquals("t-1", header(parked, "trace"), "the record's own headers come along");
    }

    @Test
    void aRecordThatIsNoEventIsParked() {
        ConsumerRecord<String, String> record = record("{\"id\": \"no envelope\"}");
        assertEquals(Inbox.Outcome.PARKED, inbox.accept(record, handler()));
        assertTrue(header(parked(record), Topics.DLT_REASON).startsWith("not a CloudEvent"));
    }

    @Test
    void aPassingFailureIsRetriedOnlyWhenItsBackoffIsDueAndThenApplies() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        EventHandler flaky = event -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("the database is away");
            }
            handler().apply(event);
        };
        ConsumerRecord<String, String> record = record(event("after a failure"));
        assertThrows(IllegalStateException.class, () -> inbox.accept(record, flaky));
        assertThrows(RetryBackoff.NotDue.class, () -> inbox.accept(record, flaky), "redelivered at once");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
            try {
                return inbox.accept(record, flaky) == Inbox.Outcome.APPLIED;
            } catch (RetryBackoff.NotDue notYet) {
                return false;
            }
        });
        assertEquals(1, count("applied where note = 'after a failure'"));
    }

    @Test
    void aBatchAppliesInOneCallAndTransactionAndOnlyItsNewEvents() throws Exception {
        ConsumerRecord<String, String> first = record(event("batch one"));
        ConsumerRecord<String, String> second = record(event("batch two"));
        CountingHandler counting = new CountingHandler();
        assertEquals(List.of(Inbox.Outcome.APPLIED, Inbox.Outcome.APPLIED, Inbox.Outcome.DUPLICATE),
                inbox.applyBatch(List.of(first, second, record(first.value())), counting));
        assertEquals(List.of(2), counting.applied, "one call with the two new events");
        assertEquals(2, counting.committed.get());
        assertEquals(2, count("applied where note like 'batch %'"));
    }

    @Test
    void aPoisonInABatchIsFoundAndParkedAndTheRestOfTheBatchApplies() throws Exception {
        ConsumerRecord<String, String> before = record(event("before the poison"));
        ConsumerRecord<String, String> unreadable = record("not an event");
        ConsumerRecord<String, String> refused = record(event("refuse"));
        ConsumerRecord<String, String> after = record(event("after the poison"));
        CountingHandler counting = new CountingHandler();

        assertEquals(List.of(Inbox.Outcome.APPLIED, Inbox.Outcome.PARKED, Inbox.Outcome.PARKED, Inbox.Outcome.APPLIED),
                inbox.applyBatch(List.of(before, unreadable, refused, after), counting));
        assertEquals(1, count("applied where note = 'before the poison'"));
        assertEquals(1, count("applied where note = 'after the poison'"));
        assertEquals(0, count("applied where note = 'refuse'"), "the poison's write was rolled back");
        assertEquals(2, counting.committed.get(), "the two that applied");
        assertEquals("not a CloudEvent", header(parked(unreadable), Topics.DLT_REASON).substring(0, 16));
        assertEquals("refused by the handler", header(parked(refused), Topics.DLT_REASON));
    }

    /**
     * A failed batch leaves its consumer at the batch's first record on each partition, so that the next poll
     * brings the batch again whatever the listener's own error handling does or fails to do (see
     * {@link Inbox#acceptBatch}), and so does every redelivery until the batch applies.
     */
    @Test
    void aFailedBatchRewindsItsConsumerToItsFirstRecordOnEachPartition() throws Exception {
        String topic = infra.topic(TOPIC);
        List<TopicPartition> partitions = List.of(new TopicPartition(topic, 1), new TopicPartition(topic, 2));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()), new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
            for (TopicPartition partition : partitions) {
                for (int i = 0; i < 2; i++) {
                    producer.send(new ProducerRecord<>(topic, partition.partition(), "k",
                            json.writeValueAsString(event("rewound " + partition + " " + i)))).get();
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            BatchHandler failing = events -> {
                throw new IllegalStateException("the database is away");
            };

            assertThrows(IllegalStateException.class, () -> inbox.acceptBatch(pollAll(consumer, 4), consumer, failing));
            assertEquals(List.of(0L, 0L), partitions.stream().map(consumer::position).toList(), "rewound");
            // turned back if its attempt is not due yet, else failing again: rewound either way
            assertThrows(RuntimeException.class, () -> inbox.acceptBatch(pollAll(consumer, 4), consumer, failing));
            assertEquals(List.of(0L, 0L), partitions.stream().map(consumer::position).toList(), "rewound again");
        }
        assertEquals(0, count("applied where note like 'rewound %'"));
    }

    private static List<ConsumerRecord<String, String>> pollAll(KafkaConsumer<String, String> consumer, int count) {
        List<ConsumerRecord<String, String>> polled = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(polled::add);
            return polled.size() >= count;
        });
        return polled;
    }

    @Test
    void topicsThisServicePublishesAndTheDeadLetterTopicsOfThoseItConsumesAreCreated() {
        String published = infra.topic(Topics.MARKET_PROJECTIONS);
        String deadLetters = infra.topic(Topics.dlt(TOPIC));
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.bootstrapServers()))) {
            Map<String, TopicDescription> topics = await().atMost(Duration.ofSeconds(20)).until(
                    () -> describe(admin, published, deadLetters), Optional::isPresent).orElseThrow();
            assertEquals(4, topics.get(published).partitions().size());
            assertEquals(1, topics.get(deadLetters).partitions().size());
        }
    }

    private static Optional<Map<String, TopicDescription>> describe(AdminClient admin, String... names) {
        try {
            return Optional.of(admin.describeTopics(List.of(names)).allTopicNames().get());
        } catch (Exception notYet) {
            return Optional.empty();
        }
    }

    /** Writes the note, then refuses it if it says so: poison found after the handler wrote. */
    private EventHandler handler() {
        return EventTypes.builder().on("test.note", Note.class, (eventId, note) -> {
            jdbc.prepareStatement("insert into applied (event_id, note) values (?, ?)", statement -> {
                statement.setObject(1, eventId);
                statement.setString(2, note.text());
                return statement.executeUpdate();
            });
            if (note.text().equals("refuse")) {
                throw new PoisonMessage("refused by the handler");
            }
        }).build();
    }

    private CloudEvent<Note> event(String text) {
        return CloudEvent.of("/test", "test.note", null, Instant.now(), new Note(text));
    }

    private ConsumerRecord<String, String> record(CloudEvent<Note> event) throws Exception {
        return record(json.writeValueAsString(event));
    }

    private ConsumerRecord<String, String> record(String value) {
        return record(UUID.randomUUID().toString(), value);
    }

    private ConsumerRecord<String, String> record(String key, String value) {
        return new ConsumerRecord<>(infra.topic(TOPIC), 0, offsets.incrementAndGet(), key, value);
    }

    private ConsumerRecord<String, String> parked(ConsumerRecord<String, String> record) {
        try (TopicReader dlt = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.dlt(TOPIC)))) {
            return dlt.awaitRecords(Duration.ofSeconds(20), records -> records.stream()
                            .anyMatch(r -> header(r, Topics.DLT_ORIGIN).endsWith("/" + record.offset()))).stream()
                    .filter(r -> header(r, Topics.DLT_ORIGIN).endsWith("/" + record.offset()))
                    .findFirst().orElseThrow();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private long count(String from) throws Exception {
        return infra.queryLong("select count(*) from inbox." + from);
    }

    @Serdeable
    record Note(String text) {
    }

    /** The test handler, counting the events of each call and those committed. */
    private final class CountingHandler implements BatchHandler {
        private final List<Integer> applied = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final AtomicInteger committed = new AtomicInteger();

        @Override
        public void apply(List<ConsumedEvent> events) {
            applied.add(events.size());
            events.forEach(handler()::apply);
        }

        @Override
        public void committed(List<ConsumedEvent> events) {
            committed.addAndGet(events.size());
        }
    }
}
