package io.aigcwatch.kit.outbox;

import io.aigcwatch.kit.time.Pause;
import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.kit.kafka.TopicNames;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Publishes committed outbox rows to Kafka, in commit order, with an idempotent producer that waits for every
 * in-sync replica; a row is marked sent only after Kafka acknowledged it. A crash between the send and the mark
 * sends the row again on restart, with the same event id, which consumers dedup on.
 */
@Singleton
@Requires(property = "aigcwatch.outbox.enabled", notEquals = "false")
@Requires(beans = DataSource.class)
final class OutboxRelay implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);
    private static final Duration CLEANUP_EVERY = Duration.ofHours(1);

    private final OutboxRepository repository;
    private final TransactionOperations<Connection> transactions;
    private final Producer<String, String> producer;
    private final TopicNames topics;
    private final RelaySignal signal;
    private final OutboxConfig config;
    private volatile Thread worker;
    private volatile boolean running;

    OutboxRelay(OutboxRepository repository, TransactionOperations<Connection> transactions,
                @KafkaClient(id = "outbox-relay", acks = KafkaClient.Acknowledge.ALL, properties = {
                        @Property(name = ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, value = "true"),
                        @Property(name = ProducerConfig.LINGER_MS_CONFIG, value = "0")})
                Producer<String, String> producer,
                TopicNames topics, RelaySignal signal, OutboxConfig config) {
        this.repository = repository;
        this.transactions = transactions;
        this.producer = producer;
        this.topics = topics;
        this.signal = signal;
        this.config = config;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        running = true;
        Thread thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    private void run() {
        Instant nextCleanup = Instant.now();
        while (running) {
            try {
                int sent = relayBatch();
                if (Instant.now().isAfter(nextCleanup)) {
                    transactions.executeWrite(status -> {
                        repository.deleteSentBefore(config.retainDays());
                        return null;
                    });
                    nextCleanup = Instant.now().plus(CLEANUP_EVERY);
                }
                if (sent < config.batchSize() && signal.await(config.pollMillis()) && config.lingerMillis() > 0) {
                    Thread.sleep(config.lingerMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Outbox relay failed; unsent rows stay pending and are retried in {}", RETRY_AFTER_FAILURE, e);
                Pause.quietly(RETRY_AFTER_FAILURE);
            }
        }
    }

    /** @return how many rows this call published */
    int relayBatch() {
        return transactions.executeWrite(status -> {
            if (!repository.tryRelayLock(config.lockKey())) {
                return 0;
            }
            List<OutboxMessage> pending = repository.findPending(config.batchSize());
            if (pending.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(pending.size());
            for (OutboxMessage message : pending) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topics.of(message.topic()),
                        message.messageKey(), message.payload());
                record.headers().add("content-type", CloudEvent.STRUCTURED_JSON.getBytes(StandardCharsets.UTF_8));
                acks.add(producer.send(record));
            }
            for (Future<RecordMetadata> ack : acks) {
                awaitAck(ack);
            }
            repository.markSent(pending.stream().map(OutboxMessage::seq).toList());
            return pending.size();
        });
    }

    private static void awaitAck(Future<RecordMetadata> ack) {
        try {
            ack.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused an outbox record", e.getCause());
        }
    }


    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            current.join(5_000);
        }
    }
}
