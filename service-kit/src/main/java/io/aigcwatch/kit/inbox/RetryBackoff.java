package io.aigcwatch.kit.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spaces out the attempts at records whose failure may pass, such as the database being down: after the n-th
 * failure in a row the next attempt waits {@link #FIRST} times 2^(n-1), at most {@link #CAP}. The listener
 * redelivers failed records every {@link InboxRetry#REDELIVERY} (see there); a redelivery before its attempt is due
 * is turned back at once, so the poll thread never sleeps and the consumer's other partitions keep moving.
 *
 * <p>After a failure the consumer seeks each partition back to the first record it failed on, so what is
 * remembered is that first record of each partition; a partition only one consumer thread reads, so no two
 * threads race on its entry. A single record is a batch of one.
 */
final class RetryBackoff {
    static final Duration FIRST = Duration.ofMillis(200);
    static final Duration CAP = Duration.ofSeconds(15);

    private final Map<TopicPartition, Failing> failing = new ConcurrentHashMap<>();

    /** @throws NotDue if the batch starts, on any partition, at a record whose next attempt is not due yet */
    void awaitTurn(List<? extends ConsumerRecord<?, ?>> batch) {
        long now = System.nanoTime();
        firstOfEachPartition(batch).forEach((partition, offset) -> {
            Failing last = failing.get(partition);
            if (last != null && last.offset() == offset && now < last.nextAttemptNanos()) {
                throw NotDue.INSTANCE;
            }
        });
    }

    /** @return how long the next attempt at the batch waits */
    Duration failed(List<? extends ConsumerRecord<?, ?>> batch) {
        Duration wait = Duration.ZERO;
        for (Map.Entry<TopicPartition, Long> first : firstOfEachPartition(batch).entrySet()) {
            Failing now = failing.merge(first.getKey(), Failing.first(first.getValue()),
                    (last, fresh) -> last.offset() == fresh.offset() ? last.again() : fresh);
            Duration delay = delay(now.failures());
            wait = delay.compareTo(wait) > 0 ? delay : wait;
        }
        return wait;
    }

    void succeeded(List<? extends ConsumerRecord<?, ?>> batch) {
        firstOfEachPartition(batch).keySet().forEach(failing::remove);
    }

    static Duration delay(int failures) {
        int doublings = Math.min(failures - 1, 30);
        Duration delay = FIRST.multipliedBy(1L << doublings);
        return delay.compareTo(CAP) > 0 ? CAP : delay;
    }

    /** The offset of the batch's first record on each partition it holds records of. */
    static Map<TopicPartition, Long> firstOfEachPartition(Collection<? extends ConsumerRecord<?, ?>> batch) {
        Map<TopicPartition, Long> firsts = new LinkedHashMap<>();
        for (ConsumerRecord<?, ?> record : batch) {
            firsts.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
        return firsts;
    }

    private record Failing(long offset, int failures, long nextAttemptNanos) {
        static Failing first(long offset) {
            return new Failing(offset, 1, System.nanoTime() + delay(1).toNanos());
        }

        Failing again() {
            return new Failing(offset, failures + 1, System.nanoTime() + delay(failures + 1).toNanos());
        }
    }

    /**
     * Turns a redelivery back before its attempt is due. Thrown on every early redelivery, so it is one instance
     * without a stack trace; micronaut-kafka only seeks back and retries, and logs nothing.
     */
    static final class NotDue extends RuntimeException {
        static final NotDue INSTANCE = new NotDue();

        private NotDue() {
            super("the next attempt at this record is not due yet", null, false, false);
        }
    }
}
