package io.aigcwatch.gateway.stream;

import io.aigcwatch.kit.problem.ProblemException;
import io.aigcwatch.kit.time.Pause;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads every partition of a feed's topic from the moment the gateway starts and hands each event of the feed's type
 * to every open stream that wants it, knowing at each moment the exact position it has read up to. One hub per feed
 * ({@link ChangeHub}, {@link RoundHub}, {@link MarketHub}); every stream of a feed shares its hub.
 *
 * <p>A hand-rolled poll loop over {@code assign()}ed partitions rather than a {@code @KafkaListener}, deliberately:
 * a listener joins a consumer group, and a group would split the partitions between gateway instances, so each
 * instance's clients would see only part of the events. And a stream's ids are positions in every partition,
 * idle ones included, which only a reader that holds all of them, and commits nothing, can give.
 */
abstract class EventHub<T> implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);
    /** While the topic does not exist, how often to look for it; its service may create it any moment. */
    private static final Duration LOOK_FOR_TOPIC = Duration.ofSeconds(1);
    /** How often to look for partitions added to an existing topic. */
    private static final Duration LOOK_FOR_PARTITIONS = Duration.ofSeconds(30);

    private final StreamFeed<T> feed;
    private final StreamConsumers consumers;
    private final EventDecoder decoder;
    private final String topic;
    private final Object lock = new Object();
    private final List<Subscriber<T>> subscribers = new CopyOnWriteArrayList<>();
    /** Null until the first look at the topic: till then no one can be told where the stream stands. */
    private volatile @Nullable StreamPosition position;
    private volatile boolean running;
    private volatile @Nullable KafkaConsumer<String, String> consumer;
    private volatile @Nullable Thread worker;

    EventHub(StreamFeed<T> feed, StreamConsumers consumers, EventDecoder decoder) {
        this.feed = feed;
        this.consumers = consumers;
        this.decoder = decoder;
        this.topic = consumers.topic(feed);
    }

    StreamFeed<T> feed() {
        return feed;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        running = true;
        KafkaConsumer<String, String> reader = consumers.open("gateway-stream-hub-" + feed.name());
        consumer = reader;
        Thread thread = new Thread(() -> run(reader), feed.name() + "-stream-hub");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    /**
     * Joins a subscriber atomically with the position the hub has read up to: it is offered exactly the events
     * after that position, and whatever came before is the caller's to catch up on.
     *
     * @throws ProblemException 503 while the hub has not yet reached the broker
     */
    Subscription<T> subscribe(EventFilter<T> filter, @Nullable StreamPosition resumeFrom, int buffer) {
        synchronized (lock) {
            StreamPosition now = position;
            if (now == null) {
                throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "stream-starting",
                        "the stream is still connecting to its event source; retry in a few seconds");
            }
            Subscriber<T> subscriber = new Subscriber<>(filter, resumeFrom == null ? now : resumeFrom, buffer);
            subscribers.add(subscriber);
            return new Subscription<>(subscriber, now);
        }
    }

    void unsubscribe(Subscriber<T> subscriber) {
        subscribers.remove(subscriber);
    }

    int subscriberCount() {
        return subscribers.size();
    }

    /** Where the hub has read up to; null until it first reached the broker. */
    @Nullable StreamPosition position() {
        return position;
    }

    /** @param snapshot the hub's position when the subscriber joined */
    record Subscription<T>(Subscriber<T> subscriber, StreamPosition snapshot) {
    }

    private void run(KafkaConsumer<String, String> reader) {
        long nextLookup = System.nanoTime();
        try (reader) {
            while (running) {
                try {
                    if (System.nanoTime() - nextLookup >= 0) {
                        boolean found = assignPartitions(reader);
                        nextLookup = System.nanoTime() + (found ? LOOK_FOR_PARTITIONS : LOOK_FOR_TOPIC).toNanos();
                    }
                    if (reader.assignment().isEmpty()) {
                        Pause.quietly(POLL);
                    } else {
                        dispatch(reader.poll(POLL));
                    }
                } catch (WakeupException e) {
                    // stop() woke us; the loop condition ends it
                } catch (KafkaException e) {
                    LOG.warn("Reading {} failed, retrying: {}", topic, e.toString());
                    nextLookup = Math.min(nextLookup, System.nanoTime() + LOOK_FOR_TOPIC.toNanos());
                    Pause.quietly(LOOK_FOR_TOPIC);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("The {} stream hub stopped", feed.name(), e);
        } finally {
            // nobody may think the stream is live: open streams end (clients resume by id elsewhere), new ones get 503
            synchronized (lock) {
                position = null;
            }
            subscribers.forEach(Subscriber::end);
        }
    }

    /**
     * Partitions that exist at the first look start at their end: clients are owed only what happens from now on.
     * Partitions that appear later (the topic created after the gateway started, or grown) start at their
     * beginning, since everything in them is news.
     *
     * @return whether the topic exists
     */
    private boolean assignPartitions(KafkaConsumer<String, String> reader) {
        List<PartitionInfo> infos = Optional.ofNullable(reader.partitionsFor(topic, LOOKUP_TIMEOUT))
                .orElse(List.of());
        Set<TopicPartition> assigned = reader.assignment();
        Set<TopicPartition> added = new HashSet<>();
        for (PartitionInfo info : infos) {
            TopicPartition partition = new TopicPartition(info.topic(), info.partition());
            if (!assigned.contains(partition)) {
                added.add(partition);
            }
        }
        if (!added.isEmpty()) {
            Set<TopicPartition> all = new HashSet<>(assigned);
            all.addAll(added);
            reader.assign(all);
            if (position == null) {
                reader.seekToEnd(added);
            } else {
                reader.seekToBeginning(added);
            }
            Map<Integer, Long> offsets = new HashMap<>();
            for (TopicPartition partition : added) {
                offsets.put(partition.partition(), reader.position(partition, LOOKUP_TIMEOUT));
            }
            synchronized (lock) {
                Map<Integer, Long> merged = new HashMap<>(position == null ? Map.of() : position.nextOffsets());
                merged.putAll(offsets);
                position = new StreamPosition(merged);
            }
            LOG.info("Streaming {} from {}", topic, position);
        } else if (position == null) {
            synchronized (lock) {
                position = StreamPosition.BEFORE_TOPIC;
            }
            LOG.info("{} does not exist yet; streaming it from its beginning once it does", topic);
        }
        return !infos.isEmpty();
    }

    private void dispatch(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records) {
            StreamPosition after = position.after(record.partition(), record.offset());
            synchronized (lock) {
                // nobody to offer it to: only move on. Decoding every event of a bulk import for no one cost the
                // gateway a tenth of a core; a subscriber who joins now is owed only what comes after it.
                if (subscribers.isEmpty()) {
                    position = after;
                    continue;
                }
            }
            Optional<PublishedEvent<T>> event = decoder.decode(record, after, feed);
            synchronized (lock) {
                position = after;
                event.ifPresent(this::offerToAll);
            }
        }
    }

    /** One subscriber's failure ends that subscriber only; the hub must never skip an event for the others. */
    private void offerToAll(PublishedEvent<T> event) {
        for (Subscriber<T> subscriber : subscribers) {
            boolean keep;
            try {
                keep = subscriber.offer(event);
            } catch (RuntimeException e) {
                LOG.warn("Ending a stream subscriber that failed to take an event", e);
                subscriber.end();
                keep = false;
            }
            if (!keep) {
                subscribers.remove(subscriber);
            }
        }
    }

    /** Called by each hub's {@code @PreDestroy}. */
    void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<String, String> reader = consumer;
        if (reader != null) {
            reader.wakeup();
        }
        Thread thread = worker;
        if (thread != null) {
            // no interrupt: the consumer's close would take it for a failure; the loop sleeps a second at most
            thread.join(5_000);
        }
        subscribers.forEach(Subscriber::end);
    }
}
