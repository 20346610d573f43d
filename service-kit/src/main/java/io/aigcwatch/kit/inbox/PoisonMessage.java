package io.aigcwatch.kit.inbox;

/** A record that no retry can apply: not JSON, not the schema, or about a company this service never saw. */
public final class PoisonMessage extends RuntimeException {
    public PoisonMessage(String reason, Throwable cause) {
        super(reason, cause);
    }

    public PoisonMessage(String reason) {
        super(reason);
    }
}
