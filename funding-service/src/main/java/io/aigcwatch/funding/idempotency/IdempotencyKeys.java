package io.aigcwatch.funding.idempotency;

import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Idempotency-Key as the IETF httpapi draft describes it. A key is claimed in a transaction of its own before the
 * work starts, so a concurrent duplicate sees the claim and gets 409; the first response is stored in the work's
 * own transaction, so a replay never returns a response whose write was rolled back.
 */
@Singleton
public class IdempotencyKeys {
    static final int MAX_KEY_LENGTH = 255;
    /** A claim held this long belongs to a request that died; another may take it over. */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);
    static final Duration KEPT_FOR = Duration.ofHours(24);

    private final IdempotencyRepository repository;
    private final Clock clock;

    IdempotencyKeys(IdempotencyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** @return the stored first response to replay, or empty when the caller now holds the key and must do the work */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public Optional<StoredResponse> claim(String key, String requestHash) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-idempotency-key",
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
        }
        if (repository.claim(key, requestHash) == 1) {
            return Optional.empty();
        }
        IdempotencyRecord existing = repository.findByKey(key).orElseThrow(() -> new ProblemException(
                HttpStatus.CONFLICT, "idempotency-key-in-flight", "a request with this Idempotency-Key just finished failing; retry"));
        if (!existing.requestHash().equals(requestHash)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "this Idempotency-Key was first used with a different request body; use a new key for a new request");
        }
        if (IdempotencyRecord.COMPLETED.equals(existing.state())) {
            return Optional.of(new StoredResponse(existing.responseStatus(), existing.responseLocation(),
                    existing.responseEtag(), existing.responseBody()));
        }
        boolean abandoned = existing.claimedAt().plus(ABANDONED_AFTER).isBefore(clock.instant());
        if (abandoned && repository.takeOver(key, existing.claimedAt()) == 1) {
            return Optional.empty();
        }
        throw new ProblemException(HttpStatus.CONFLICT, "idempotency-key-in-flight",
                "a request with this Idempotency-Key is still being processed; retry when it has finished");
    }

    /** Stores the first response, inside the transaction that did the work. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void complete(String key, StoredResponse response) {
        repository.complete(key, response.status(), response.location(), response.etag(), response.body());
    }

    /** Frees the key after the work failed, so that the client may retry with it. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void release(String key) {
        repository.release(key);
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    @Transactional
    void forgetOldKeys() {
        repository.deleteClaimedBefore(clock.instant().minus(KEPT_FOR));
    }
}
