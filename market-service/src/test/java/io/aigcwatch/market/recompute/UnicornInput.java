package io.aigcwatch.market.recompute;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.valuation.StatusTransition;
import io.aigcwatch.events.valuation.UnicornStatus;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.json.JsonMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * An input of the shares scope that moves a key no other test touches: a new unicorn, announced on the topic as
 * valuation-service would. Its share is published as {@code valuation.company.<name>}.
 */
final class UnicornInput {
    private UnicornInput() {
    }

    static String key(String name) {
        return "valuation.company." + name;
    }

    static void send(TestInfra infra, JsonMapper json, String name) throws Exception {
        UUID company = UUID.randomUUID();
        ValuationChanged change = new ValuationChanged(company, name, "US", Layer.APPLICATION, null,
                new BigDecimal("4000000000"), null, UnicornStatus.NONE, UnicornStatus.UNICORN, StatusTransition.ENTERED,
                LocalDate.of(2024, 1, 1), "REPORTED", "MARK", company, company, null);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(infra.topic(Topics.VALUATION_CHANGES), company.toString(),
                    json.writeValueAsString(CloudEvent.of("/test", ValuationChanged.TYPE, company.toString(),
                            Instant.now(), change)))).get();
        }
    }

    /** How many market.recomputed events the service committed to its outbox that name {@code name}. */
    static long eventsNaming(TestInfra infra, String name) throws Exception {
        return infra.queryLong("select count(*) from market.outbox where event_type = 'market.recomputed' "
                + "and payload like '%\"key\":\"" + key(name) + "\"%'");
    }
}
