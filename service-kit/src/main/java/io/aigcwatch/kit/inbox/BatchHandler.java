package io.aigcwatch.kit.inbox;

import java.util.List;

/**
 * What a batch listener's service does with the events of one polled batch: the {@link Inbox} calls it with the
 * events it has not applied before, in the order they were polled, inside the one transaction that stores their
 * ids. For work done once per batch, such as one read of what every event is matched against.
 */
public interface BatchHandler {

    /**
     * Applies the new events of a batch. Throw {@link PoisonMessage} for an event that no retry can apply: the
     * inbox rolls the batch back and applies its events one by one, each in its own transaction, to find and park
     * the ones that are poison. Any other exception is taken to be passing, and the whole batch is retried.
     */
    void apply(List<ConsumedEvent> events);

    /** Called once the events applied and committed; see {@link EventHandler#committed}. */
    default void committed(List<ConsumedEvent> events) {
    }

    /** A batch handler that applies each event with {@code handler}. */
    static BatchHandler eachOf(EventHandler handler) {
        return new BatchHandler() {
            @Override
            public void apply(List<ConsumedEvent> events) {
                events.forEach(handler::apply);
            }

            @Override
            public void committed(List<ConsumedEvent> events) {
                events.forEach(handler::committed);
            }
        };
    }
}
