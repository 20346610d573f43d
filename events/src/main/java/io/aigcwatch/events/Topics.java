package io.aigcwatch.events;

/**
 * Kafka topic names of the suite. Services may prepend {@code aigcwatch.kafka.topic-prefix}, which lets test
 * classes share one broker without seeing each other's messages; the production prefix is empty.
 */
public final class Topics {
    public static final String FUNDING_EVENTS = "funding.events.v1";
    public static final String FUNDING_EVENTS_DLT = "funding.events.v1.dlt";
    public static final String VALUATION_CHANGES = "valuation.changes.v1";
    public static final String MARKET_PROJECTIONS = "market.projections.v1";

    /** The property that services read to prefix every topic name. */
    public static final String PREFIX_PROPERTY = "aigcwatch.kafka.topic-prefix";

    private Topics() {
    }
}
