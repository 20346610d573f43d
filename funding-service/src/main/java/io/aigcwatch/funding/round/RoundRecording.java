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

/** {@code POST /funding-events}: validation, then the write, under an Idempotency-Key when the client sent one. */
@Singleton
class RoundRecording {
    private final RoundWriter writer;
    private final IdempotencyKeys keys;
    private final TransactionOperations<Connection> transactions;
    private final ObjectMapper json;

    RoundRecording(RoundWriter writer, IdempotencyKeys keys, TransactionOperations<Connection> transactions,
                   ObjectMapper json) {
        this.writer = writer;
        this.keys = keys;
        this.transactions = transactions;
        this.json = json;
    }

    Outcome record(RoundRequest request, @Nullable String idempotencyKey) {
        ValidRound valid = RoundValidator.validate(request, writer.today());
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
                keys.complete(idempotencyKey, new StoredResponse(201, RoundController.location(view.id()),
                        RoundController.etag(view), write(view)));
                return view;
            }));
        } catch (RuntimeException e) {
            keys.release(idempotencyKey);
            throw e;
        }
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
