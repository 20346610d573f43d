package io.aigcwatch.funding.idempotency;

/** The first response to a key, as it is replayed. */
public record StoredResponse(int status, String location, String etag, String body) {
}
