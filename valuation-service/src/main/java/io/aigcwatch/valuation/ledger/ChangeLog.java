package io.aigcwatch.valuation.ledger;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Every valuation.changed event, in order, for clients that poll instead of consuming Kafka. */
@Singleton
public class ChangeLog {
    private final ChangeLogRepository entries;
    private final ObjectMapper json;

    ChangeLog(ChangeLogRepository entries, ObjectMapper json) {
        this.entries = entries;
        this.json = json;
    }

    void append(CloudEvent<ValuationChanged> event) {
        try {
            entries.append(UUID.fromString(event.id()), event.data().companyId(), event.time(),
                    json.writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes after {@code afterSeq}, oldest first; each carries its seq as the cursor of the next page. */
    public List<ChangeLogEntry> after(long afterSeq, @Nullable Instant since, int limit) {
        return entries.page(afterSeq, since, limit);
    }
}
