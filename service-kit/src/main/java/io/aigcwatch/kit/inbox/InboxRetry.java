package io.aigcwatch.kit.inbox;

/**
 * The error strategy of every listener that hands its records to the {@link Inbox}, as constants because
 * annotation values must be; {@link InboxListener} declares it once for all of them.
 *
 * micronaut-kafka then seeks back to a record that failed and redelivers it every {@link #REDELIVERY}, however long
 * the failure lasts, and the inbox spaces the attempts out with a capped exponential backoff ({@link RetryBackoff}).
 * micronaut-kafka's own exponential strategy cannot be capped, and once its retry count runs out it skips the
 * record: an outage longer than the count allows would lose events.
 */
public final class InboxRetry {
    /** Never give up on a record: a failure that is not poison passes, or needs a person, never a skip. */
    public static final int FOREVER = Integer.MAX_VALUE;
    /** How often a failed record is redelivered to ask whether its next attempt is due. */
    public static final String REDELIVERY = "200ms";

    private InboxRetry() {
    }
}
