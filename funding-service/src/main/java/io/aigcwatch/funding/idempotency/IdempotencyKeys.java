package io.aigcwatch.funding.idempotency;

import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Idempotency-Key as the IETF httpapi draft describes it, scoped per API key: the same Idempotency-Key from two
 * callers is two requests, and one caller never gets another's response.
 * <p>
 * The key is held by the transaction that does the work, as a transaction-level advisory lock, and the response is
 * stored by that same transaction. A duplicate that arrives while the first can still commit finds the lock held and
 * gets 409, however long the first takes; when the first's transaction ends, by commit, rollback or a connection that
 * died, the lock ends with it. So there is no claim to take over, no timeout after which two requests both run, and
 * no release to forget. The response is inserted, never updated: should a row already be there, the work is rolled
 * back rather than the stored response overwritten.
 */
@Singleton
public class IdempotencyKeys {
    static final int MAX_KEY_LENGTH = 255;
    static final Duration KEPT_FOR = Duration.ofHours(24);

    private final IdempotencyRepository repository;
    private final Clock clock;

    IdempotencyKeys(IdempotencyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Holds the key for the rest of the calling transaction.
     *
     * @param caller the calling API key's id, or null for a request that carries none
     * @return the stored first response to replay, or empty when the caller now holds the key and must do the work,
     * then {@link #complete} it in the same transaction
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<StoredResponse> claim(@Nullable String caller, String key, String requestHash) {
        String callerKey = callerKey(caller);
        requireVisibleAscii("Idempotency-Key", key);
        if (!repository.tryHold(lockKey(callerKey, key))) {
            throw inFlight();
        }
        Optional<IdempotencyRecord> first = repository.find(callerKey, key);
        if (first.isPresent() && !first.get().requestHash().equals(requestHash)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "this Idempotency-Key was first used with a different request body; use a new key for a new request");
        }
        return first.map(IdempotencyRecord::response);
    }

    /** Stores the first response, inside the transaction that {@link #claim claimed} the key and did the work. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void complete(@Nullable String caller, String key, String requestHash, StoredResponse response) {
        if (repository.store(callerKey(caller), key, requestHash, response.status(), response.location(),
                response.etag(), response.body()) == 0) {
            throw inFlight();
        }
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    @Transactional
    void forgetOldKeys() {
        repository.deleteClaimedBefore(clock.instant().minus(KEPT_FOR));
    }

    private static String callerKey(@Nullable String caller) {
        if (caller == null || caller.isEmpty()) {
            return "";
        }
        requireVisibleAscii("the caller key", caller);
        return caller;
    }

    private static void requireVisibleAscii(String what, String value) {
        if (value.isEmpty() || value.length() > MAX_KEY_LENGTH || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-idempotency-key",
                    what + " must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
        }
    }

    /** Two request bodies are the same request when their canonical forms (same spacing, same key order) are equal. */
    public static String requestHash(String canonicalBody) {
        return HexFormat.of().formatHex(sha256(canonicalBody));
    }

    /** One advisory lock per caller and key; a 64-bit digest, so that two keys share a lock practically never. */
    private static long lockKey(String callerKey, String key) {
        return ByteBuffer.wrap(sha256("idempotency-key\n" + callerKey + "\n" + key)).getLong();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static ProblemException inFlight() {
        return new ProblemException(HttpStatus.CONFLICT, "idempotency-key-in-flight",
                "a request with this Idempotency-Key is still being processed; retry when it has finished");
    }
}
