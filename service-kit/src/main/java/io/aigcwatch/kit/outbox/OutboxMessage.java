package io.aigcwatch.kit.outbox;

import io.micronaut.data.annotation.MappedEntity;

import java.util.UUID;

/** One committed event waiting to be published, or already published. */
@MappedEntity("outbox")
record OutboxMessage(@io.micronaut.data.annotation.Id long seq, UUID id, String topic, String messageKey,
                     String eventType, String payload) {
}
