package io.aigcwatch.kit.kafka;

import io.aigcwatch.events.Topics;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Topic names as this deployment sees them: the constants of {@link Topics} behind an optional prefix. */
@Singleton
public final class TopicNames {
    private final String prefix;

    public TopicNames(@Value("${" + Topics.PREFIX_PROPERTY + ":}") String prefix) {
        this.prefix = prefix;
    }

    public String of(String topic) {
        return prefix + topic;
    }
}
