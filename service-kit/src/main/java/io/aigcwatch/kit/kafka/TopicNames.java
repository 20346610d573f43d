package io.aigcwatch.kit.kafka;

import io.aigcwatch.events.Topics;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Topic names as this deployment sees them: the constants of {@link Topics} behind an optional prefix. */
@Singleton
public final class TopicNames {
    /**
     * The prefix as a placeholder, for annotations that need a constant:
     * {@code @Topic(TopicNames.PREFIX + Topics.FUNDING_EVENTS)}.
     */
    public static final String PREFIX = "${" + Topics.PREFIX_PROPERTY + ":}";

    private final String prefix;

    public TopicNames(@Value(PREFIX) String prefix) {
        this.prefix = prefix;
    }

    public String of(String topic) {
        return prefix + topic;
    }

    /** The constant of {@link Topics} that {@code deployed}, a name as Kafka knows it, stands for. */
    public String constantOf(String deployed) {
        return deployed.startsWith(prefix) ? deployed.substring(prefix.length()) : deployed;
    }
}
