package io.aigcwatch.gateway.stream;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a resuming client missed: every event of its feed between its own position and the position the hub had when
 * it rejoined, read with a short-lived consumer of its own. The live events after that follow once this is done.
 */
@Singleton
@Requires(beans = StreamConsumers.class)
final class CatchUp {
    private static final Duration POLL = Duration.ofMillis(200);
    /** A catch-up that makes no progress this long ends the stream; the client reconnects and tries again. */
    private static final Duration STALLED = Duration.ofSeconds(30);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final StreamConsumers consumers;
    private final EventDecoder decoder;

    CatchUp(StreamConsumers consumers, EventDecoder decoder) {
        this.consumers = consumers;
        this.decoder = decoder;
    }

    /**
     * Reads on demand, so a slow client reads slowly instead of filling memory.
     *
     * @return a gap first if the topic no longer keeps all of it, then the matching events, each with its own id
     */
    <T> Flux<Object> between(StreamFeed<T> feed, StreamPosition from, StreamPosition to, EventFilter<T> filter) {
        return Flux.generate(() -> new Reader<>(feed, from, to, filter), Reader<T>::next, Reader<T>::close)
                .subscribeOn(Schedulers.boundedElastic());
    }

    private final class Reader<T> {
        private final StreamFeed<T> feed;
        private final String topic;
        private final StreamPosition to;
        private final EventFilter<T> filter;
        private final Deque<Object> ready = new ArrayDeque<>();
        private final Map<TopicPartition, Long> remaining = new HashMap<>();
        private StreamPosition read;
        private KafkaConsumer<String, String> consumer;

        Reader(StreamFeed<T> feed, StreamPosition from, StreamPosition to, EventFilter<T> filter) {
            this.feed = feed;
            this.topic = consumers.topic(feed);
            this.read = from;
            this.to = to;
            this.filter = filter;
        }

        Reader<T> next(SynchronousSink<Object> sink) {
            if (consumer == null) {
                start();
            }
            long progressedAt = System.nanoTime();
            while (ready.isEmpty() && !remaining.isEmpty()) {
                StreamPosition before = read;
                pollOnce();
                if (read != before) {
                    progressedAt = System.nanoTime();
                } else if (System.nanoTime() - progressedAt > STALLED.toNanos()) {
                    throw new TimeoutException("catching up on " + topic + " stalled at " + read);
                }
            }
            if (ready.isEmpty()) {
                sink.complete();
            } else {
                sink.next(ready.poll());
            }
            return this;
        }

        private void start() {
            consumer = consumers.open("gateway-stream-catch-up-" + feed.name() + "-" + SEQUENCE.incrementAndGet());
            for (Map.Entry<Integer, Long> end : to.nextOffsets().entrySet()) {
                if (read.nextOffset(end.getKey()) < end.getValue()) {
                    remaining.put(new TopicPartition(topic, end.getKey()), end.getValue());
                }
            }
            if (remaining.isEmpty()) {
                return;
            }
            consumer.assign(remaining.keySet());
            List<StreamGap.Missed> missed = new ArrayList<>();
            Map<TopicPartition, Long> kept = consumer.beginningOffsets(remaining.keySet());
            for (TopicPartition partition : List.copyOf(remaining.keySet())) {
                long wanted = read.nextOffset(partition.partition());
                long oldest = kept.get(partition);
                if (oldest > wanted) {
                    missed.add(new StreamGap.Missed(partition.partition(), wanted, oldest));
                }
                consumer.seek(partition, Math.max(wanted, oldest));
                if (Math.max(wanted, oldest) >= remaining.get(partition)) {
                    remaining.remove(partition);
                }
            }
            if (!missed.isEmpty()) {
                ready.add(new StreamGap("the topic no longer keeps every event since your Last-Event-ID; "
                        + "these were lost to this stream", missed));
            }
            consumer.pause(kept.keySet().stream().filter(partition -> !remaining.containsKey(partition)).toList());
        }

        private void pollOnce() {
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                Long end = remaining.get(partition);
                if (end == null || record.offset() >= end) {
                    continue;
                }
                read = read.after(record.partition(), record.offset());
                decoder.decode(record, read, feed).filter(event -> filter.test(event.source(), event.data()))
                        .ifPresent(ready::add);
            }
            for (TopicPartition partition : List.copyOf(remaining.keySet())) {
                if (consumer.position(partition) >= remaining.get(partition)) {
                    remaining.remove(partition);
                    consumer.pause(List.of(partition));
                }
            }
        }

        void close() {
            if (consumer != null) {
                consumer.close(Duration.ZERO);
            }
        }
    }
}
