package io.aigcwatch.valuation.intake;

/** A record that no retry can apply: not JSON, not the schema, or about a company this service never saw. */
final class PoisonMessage extends RuntimeException {
    PoisonMessage(String reason, Throwable cause) {
        super(reason, cause);
    }

    PoisonMessage(String reason) {
        super(reason);
    }
}
