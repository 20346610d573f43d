package io.aigcwatch.kit.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spaces out the attempts at a record whose failure may pass, such as the database being down: after the n-th
 * failure in a row the next attempt waits {@link #FIRST} times 2^(n-1), at most {@link #CAP}. The listener
 * redelivers the record every {@link InboxRetry#REDELIVERY} (see there); a redelivery before its attempt is due is
 * turned back at once, so the poll thread never sleeps and the consumer's other partitions keep moving.
 *
 * <p>A partition's consumer stops at its failing record, so one failure per partition is all there is to remember;
 * a partition only one consumer thread reads, so no two threads race on its entry.
 */
final class RetryBackoff {
    static final Duration FIRST = Duration.ofMillis(200);
    static final Duration CAP = Duration.ofSeconds(15);

    private final Map<TopicPartition, Failing> failing = new ConcurrentHashMap<>();

    /** @throws NotDue if {@code record} failed last time and its next attempt is not due yet */
    void awaitTurn(ConsumerRecord<?, ?> record) {
        Failing last = failing.get(partition(record));
        if (last != null && last.offset() == record.offset() && System.nanoTime() < last.nextAttemptNanos()) {
            throw NotDue.INSTANCE;
        }
    }

    /** @return how long the next attempt at {@code record} waits */
    Duration failed(ConsumerRecord<?, ?> record) {
        Failing now = failing.merge(partition(record), Failing.first(record.offset()),
                (last, first) -> last.offset() == first.offset() ? last.again() : first);
        return delay(now.failures());
    }

    void succeeded(ConsumerRecord<?, ?> record) {
        failing.remove(partition(record));
    }

    static Duration delay(int failures) {
        int doublings = Math.min(failures - 1, 30);
        Duration delay = FIRST.multipliedBy(1L << doublings);
        return delay.compareTo(CAP) > 0 ? CAP : delay;
    }

    private static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
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
