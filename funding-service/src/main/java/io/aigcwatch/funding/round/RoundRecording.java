package io.aigcwatch.funding.round;

import io.aigcwatch.funding.idempotency.IdempotencyKeys;
import io.aigcwatch.funding.idempotency.StoredResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.Optional;
import java.util.UUID;

/**
 * The write path of {@code POST} and {@code PUT /funding-events}: one validation for both, then the write; a
 * recording runs under an Idempotency-Key, scoped to the calling API key, when the client sent one.
 */
@Singleton
class RoundRecording {
    private final RoundValidator validator;
    private final RoundWriter writer;
    private final IdempotencyKeys keys;
    private final TransactionOperations<Connection> transactions;
    private final ObjectMapper json;

    RoundRecording(RoundValidator validator, RoundWriter writer, IdempotencyKeys keys,
                   TransactionOperations<Connection> transactions, ObjectMapper json) {
        this.validator = validator;
        this.writer = writer;
        this.keys = keys;
        this.transactions = transactions;
        this.json = json;
    }

    /** @param caller the calling API key's id, which scopes the Idempotency-Key; null when the request has none */
    Outcome record(RoundRequest request, @Nullable String idempotencyKey, @Nullable String caller) {
        ValidRound valid = validator.validate(request);
        if (idempotencyKey == null) {
            return Outcome.created(writer.record(valid));
        }
        String requestHash = IdempotencyKeys.requestHash(write(request));
        // one transaction holds the key, records the round and stores the response: none outlives the others
        return transactions.executeWrite(status -> {
            Optional<StoredResponse> first = keys.claim(caller, idempotencyKey, requestHash);
            if (first.isPresent()) {
                return Outcome.replayed(first.get());
            }
            RoundView view = writer.record(valid);
            keys.complete(caller, idempotencyKey, requestHash,
                    new StoredResponse(201, view.location(), view.etag(), write(view)));
            return Outcome.created(view);
        });
    }

    RoundView correct(UUID id, String ifMatch, RoundRequest request) {
        return writer.correct(id, ifMatch, validator.validate(request));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Either a round just recorded, or the stored first response to an earlier request with the same key. */
    record Outcome(@Nullable RoundView created, @Nullable StoredResponse replayed) {
        static Outcome created(RoundView view) {
            return new Outcome(view, null);
        }

        static Outcome replayed(StoredResponse response) {
            return new Outcome(null, response);
        }
    }
}
