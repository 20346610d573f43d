package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.valuation.ChangeCriteria;
import io.aigcwatch.events.valuation.StatusTransition;
import io.aigcwatch.events.valuation.UnicornStatus;
import io.aigcwatch.events.valuation.ValuationChanged;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriberTest {
    private static final ChangeCriteria EVERYTHING = ChangeCriteria.ANY;

    @Test
    void aSubscriberThatFallsBehindItsBufferIsEndedAfterWhatItHolds() {
        Subscriber<ValuationChanged> slow = new Subscriber<ValuationChanged>(SubscriberTest::everything,
                StreamPosition.BEFORE_TOPIC, 2);

        assertTrue(slow.offer(change(0, 10)));
        assertTrue(slow.offer(change(0, 11)));
        assertFalse(slow.offer(change(0, 12)));
        assertFalse(slow.offer(change(0, 13)));

        List<Long> delivered = slow.events().map(PublishedEvent::offset).collectList().block(Duration.ofSeconds(5));
        assertEquals(List.of(10L, 11L), delivered);
    }

    @Test
    void changesBeforeTheClientsOwnPositionAreNotSentTwice() {
        Subscriber<ValuationChanged> resumed = new Subscriber<>(SubscriberTest::everything,
                new StreamPosition(Map.of(0, 11L, 1, 3L)), 10);

        resumed.offer(change(0, 10));
        resumed.offer(change(0, 11));
        resumed.offer(change(1, 2));
        resumed.offer(change(2, 0));
        resumed.end();

        assertEquals(List.of("0-11", "2-0"), resumed.events().map(change -> change.partition() + "-" + change.offset())
                .collectList().block(Duration.ofSeconds(5)));
    }

    @Test
    void positionsRoundTripThroughTheirIds() {
        StreamPosition position = new StreamPosition(Map.of(2, 79L, 0, 124L, 1, 457L));
        assertEquals("0-124.1-457.2-79", position.encode());
        assertEquals(position, StreamPosition.decode(position.encode(), "id"));
        assertEquals("0-125.1-457.2-79", position.after(0, 124).encode());
        assertEquals(StreamPosition.BEFORE_TOPIC, StreamPosition.decode(StreamPosition.BEFORE_TOPIC.encode(), "id"));
    }

    private static boolean everything(String source, ValuationChanged change) {
        return EVERYTHING.matches(change);
    }

    private static PublishedEvent<ValuationChanged> change(int partition, long offset) {
        ValuationChanged data = new ValuationChanged(UUID.randomUUID(), "Any AI", "US", Layer.MODEL, null,
                BigDecimal.TEN, null, UnicornStatus.NONE, UnicornStatus.NONE, StatusTransition.UNCHANGED, null, null,
                "ROUND", UUID.randomUUID(), UUID.randomUUID(), null);
        return new PublishedEvent<>(partition, offset, "{}", "/aigcwatch/valuation-service", data,
                StreamPosition.BEFORE_TOPIC.after(partition, offset));
    }
}
