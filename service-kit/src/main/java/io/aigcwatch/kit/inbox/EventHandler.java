package io.aigcwatch.kit.inbox;

/**
 * What a service does with the events of one topic. The {@link Inbox} calls it once per event id, inside the
 * transaction that stores the id, so that its writes and the id commit together or not at all.
 */
@FunctionalInterface
public interface EventHandler {

    /**
     * Applies one event that this service has not applied before. Throw {@link PoisonMessage} for an event that
     * no retry can apply: what was written is rolled back and the record is parked. Any other exception is taken
     * to be passing, and the record is retried.
     */
    void apply(ConsumedEvent event);

    /**
     * Called once the event applied and its transaction committed, for work that must see the commit, such as
     * waking whatever reads what the event wrote. Not called for a duplicate or a parked record.
     */
    default void committed(ConsumedEvent event) {
    }
}
