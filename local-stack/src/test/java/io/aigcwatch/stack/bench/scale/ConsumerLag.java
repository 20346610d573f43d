package io.aigcwatch.stack.bench.scale;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * The services' consumer groups (their default ids), read with the admin client: what they have consumed and what
 * they have still to. Other groups, such as a gateway's stream readers, come and go and are not the services'.
 */
final class ConsumerLag implements AutoCloseable {
    static final Set<String> GROUPS = Set.of("valuation-service", "market-service", "notification-service");

    private final Admin admin;

    ConsumerLag(String bootstrap) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** The sum over every group and partition of its committed offsets. */
    long consumed() throws ExecutionException, InterruptedException {
        long sum = 0;
        for (Map<TopicPartition, OffsetAndMetadata> offsets : committed().values()) {
            for (OffsetAndMetadata offset : offsets.values()) {
                sum += offset == null ? 0 : offset.offset();
            }
        }
        return sum;
    }

    /** The sum over every group and partition of the records after its committed offset. */
    long lag() throws ExecutionException, InterruptedException {
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = committed();
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        committed.values().forEach(offsets -> offsets.keySet().forEach(p -> partitions.put(p, OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions).all().get();
        long lag = 0;
        for (Map<TopicPartition, OffsetAndMetadata> offsets : committed.values()) {
            for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : offsets.entrySet()) {
                long at = offset.getValue() == null ? 0 : offset.getValue().offset();
                lag += Math.max(0, ends.get(offset.getKey()).offset() - at);
            }
        }
        return lag;
    }

    private Map<String, Map<TopicPartition, OffsetAndMetadata>> committed()
            throws ExecutionException, InterruptedException {
        Map<String, Map<TopicPartition, OffsetAndMetadata>> byGroup = new HashMap<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            if (!GROUPS.contains(group.groupId())) {
                continue;
            }
            byGroup.put(group.groupId(), admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get());
        }
        return byGroup;
    }

    @Override
    public void close() {
        admin.close();
    }
}
