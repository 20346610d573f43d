package io.aigcwatch.kit.inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An {@link EventHandler} that reads each event's data as the record its type names and hands it to the handler
 * of that type. An event of any other type is poison.
 *
 * <pre>{@code
 * EventTypes.builder()
 *         .on(FundingEventTypes.RECORDED, FundingRoundData.class, ledger::applyRound)
 *         .on(FundingEventTypes.RETRACTED, FundingRetracted.class, this::retract)
 *         .build();
 * }</pre>
 */
public final class EventTypes implements EventHandler {
    private final Map<String, EventHandler> handlers;

    private EventTypes(Map<String, EventHandler> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void apply(ConsumedEvent event) {
        EventHandler handler = handlers.get(event.type());
        if (handler == null) {
            throw new PoisonMessage("unknown event type '" + event.type() + "'");
        }
        handler.apply(event);
    }

    /** Applies the data of one event, given the event's id. */
    @FunctionalInterface
    public interface DataHandler<T> {
        void apply(UUID eventId, T data);
    }

    public static final class Builder {
        private final Map<String, EventHandler> handlers = new HashMap<>();

        private Builder() {
        }

        public <T> Builder on(String type, Class<T> dataType, DataHandler<T> handler) {
            if (handlers.putIfAbsent(type, event -> handler.apply(event.id(), event.data(dataType))) != null) {
                throw new IllegalArgumentException("two handlers for " + type);
            }
            return this;
        }

        public EventTypes build() {
            return new EventTypes(handlers);
        }
    }
}
