package io.aigcwatch.testkit;

import io.aigcwatch.events.CloudEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Writes to a topic of the real broker as the services' outbox relays do: each record keyed, with the structured
 * CloudEvents content-type header, and acknowledged by the broker before {@link #send} returns, so whatever a test
 * does next finds it written. A test that plays another service's events uses this instead of a producer of its own.
 */
public final class TopicWriter implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final String topic;

    /** Creates {@code topic} with {@code partitions} first, unless it is there, so keys spread as in the stack. */
    public TopicWriter(String bootstrapServers, String topic, int partitions) {
        this(bootstrapServers, topic);
        createTopic(bootstrapServers, topic, partitions);
    }

    /** To a topic the test has made itself (or the broker makes on first use). */
    public TopicWriter(String bootstrapServers, String topic) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        this.topic = topic;
    }

    /** Any value at all, a CloudEvent's JSON or one no reader can parse, on the partition of {@code key}. */
    public RecordMetadata send(String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", CloudEvent.STRUCTURED_JSON.getBytes(StandardCharsets.UTF_8));
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public String topic() {
        return topic;
    }

    private static void createTopic(String bootstrapServers, String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
