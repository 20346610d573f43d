package io.aigcwatch.kit.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryBackoffTest {

    @Test
    void theWaitDoublesFromTheFirstFailureUpToTheCap() {
        assertEquals(Duration.ofMillis(200), RetryBackoff.delay(1));
        assertEquals(Duration.ofMillis(400), RetryBackoff.delay(2));
        assertEquals(Duration.ofMillis(6400), RetryBackoff.delay(6));
        assertEquals(Duration.ofMillis(12800), RetryBackoff.delay(7));
        assertEquals(RetryBackoff.CAP, RetryBackoff.delay(8));
        assertEquals(RetryBackoff.CAP, RetryBackoff.delay(Integer.MAX_VALUE));
    }

    @Test
    void aFailedRecordWaitsItsTurnButTheNextRecordOfItsPartitionDoesNot() {
        RetryBackoff backoff = new RetryBackoff();
        List<ConsumerRecord<String, String>> failing = List.of(record(0, 7));
        assertEquals(Duration.ofMillis(200), backoff.failed(failing));
        assertThrows(RetryBackoff.NotDue.class, () -> backoff.awaitTurn(failing));
        assertEquals(Duration.ofMillis(400), backoff.failed(failing), "a second failure in a row waits longer");
        assertDoesNotThrow(() -> backoff.awaitTurn(List.of(record(1, 7))), "another partition");
        assertDoesNotThrow(() -> backoff.awaitTurn(List.of(record(0, 8))), "another record");
        assertEquals(Duration.ofMillis(200), backoff.failed(List.of(record(0, 8))), "a new record counts afresh");
        backoff.succeeded(List.of(record(0, 8)));
        assertDoesNotThrow(() -> backoff.awaitTurn(List.of(record(0, 8))));
    }

    @Test
    void aBatchWaitsWhileAnyOfItsPartitionsStartsAtARecordThatIsNotDue() {
        RetryBackoff backoff = new RetryBackoff();
        List<ConsumerRecord<String, String>> batch = List.of(record(0, 3), record(0, 4), record(1, 9));
        backoff.failed(batch);
        assertEquals(Duration.ofMillis(400), backoff.failed(batch));
        assertThrows(RetryBackoff.NotDue.class, () -> backoff.awaitTurn(List.of(record(1, 9), record(2, 0))),
                "partition 1 still starts at the record that failed");
        assertDoesNotThrow(() -> backoff.awaitTurn(List.of(record(0, 4))), "no partition starts where it failed");
        backoff.succeeded(batch);
        assertDoesNotThrow(() -> backoff.awaitTurn(batch));
    }

    private static ConsumerRecord<String, String> record(int partition, long offset) {
        return new ConsumerRecord<>("t", partition, offset, "k", "v");
    }
}
