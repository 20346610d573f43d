package io.aigcwatch.events;

/**
 * Kafka topic names of the suite. Services may prepend {@code aigcwatch.kafka.topic-prefix}, which lets test
 * classes share one broker without seeing each other's messages; the production prefix is empty.
 */
public final class Topics {
    public static final String FUNDING_EVENTS = "funding.events.v1";
    public static final String VALUATION_CHANGES = "valuation.changes.v1";
    public static final String MARKET_PROJECTIONS = "market.projections.v1";

    /** The property that services read to prefix every topic name. */
    public static final String PREFIX_PROPERTY = "aigcwatch.kafka.topic-prefix";

    /** Why a consumer parked a record on {@link #dlt its topic's dead-letter topic}. */
    public static final String DLT_REASON = "dlt-reason";
    /** Where a parked record came from, as {@code topic/partition/offset}. */
    public static final String DLT_ORIGIN = "dlt-origin";
    /** Which service parked it: every consumer group of a topic parks on the same dead-letter topic. */
    public static final String DLT_CONSUMER = "dlt-consumer";

    private static final String DLT_SUFFIX = ".dlt";

    private Topics() {
    }

    /**
     * The dead-letter topic of {@code topic}, where its consumers park a record that can never apply, as it came
     * and with {@link #DLT_REASON}, {@link #DLT_ORIGIN} and {@link #DLT_CONSUMER} headers. Prefixing the topic
     * prefixes its dead-letter topic alike.
     */
    public static String dlt(String topic) {
        return topic + DLT_SUFFIX;
    }
}
