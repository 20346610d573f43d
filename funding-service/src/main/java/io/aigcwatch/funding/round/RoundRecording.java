package io.aigcwatch.funding.round;

import io.aigcwatch.funding.idempotency.IdempotencyKeys;
import io.aigcwatch.funding.idempotency.StoredResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The write path of {@code POST} and {@code PUT /funding-events}: one validation for both, then the write; a
 * recording runs under an Idempotency-Key when the client sent one.
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

    Outcome record(RoundRequest request, @Nullable String idempotencyKey) {
        ValidRound valid = validator.validate(request);
        if (idempotencyKey == null) {
            return Outcome.created(writer.record(valid));
        }
        Optional<StoredResponse> first = keys.claim(idempotencyKey, hash(request));
        if (first.isPresent()) {
            return Outcome.replayed(first.get());
        }
        try {
            return Outcome.created(transactions.executeWrite(status -> {
                RoundView view = writer.record(valid);
                keys.complete(idempotencyKey, new StoredResponse(201, view.location(), view.etag(), write(view)));
                return view;
            }));
        } catch (RuntimeException e) {
            keys.release(idempotencyKey);
            throw e;
        }
    }

    RoundView correct(UUID id, String ifMatch, RoundRequest request) {
        return writer.correct(id, ifMatch, validator.validate(request));
    }

    /** Two bodies are the same request when they say the same thing, whatever their spacing or key order. */
    private String hash(RoundRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
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
