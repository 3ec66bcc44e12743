package dev.aft.report;

import dev.aft.contracts.Topics;
import dev.aft.testing.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;


/**
 * Topics and consumer groups of the test class's own, on the broker every test class shares: a prefix
 * ({@code t1a2b3c4.aft.}) for every topic the service reads and writes, and group ids with the same tag. No
 * class then reads another's events (a new group would re-read them all from the earliest offset and report
 * their experiments again) or joins a group a stopped application's consumers still seem to hold. Tests reach
 * the prefixed names through {@link #topic}.
 */
public class IsolationResource implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX_PROPERTY = "aft.test.report.topic-prefix";
    private static final List<String> TOPICS = List.of("datasets", "augmentations", "models", "evaluations",
            "reports", "progress");

    @Override
    public Map<String, String> start() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        String prefix = tag + ".aft.";
        System.setProperty(PREFIX_PROPERTY, prefix);
        Map<String, String> config = new HashMap<>();
        config.put("aft.report.topic-prefix", prefix);
        for (String topic : TOPICS) {
            config.put("mp.messaging.incoming.\"aft." + topic + "\".group.id", "report-service." + topic + "." + tag);
        }
        return config;
    }

    @Override
    public void stop() {
    }

    /**
     * For diagnosing a stalled wait: per consumer group of the running class, its members and, per partition,
     * committed offset / end offset.
     */
    static String consumerLag() {
        String prefix = System.getProperty(PREFIX_PROPERTY);
        String tag = prefix.substring(0, prefix.indexOf('.'));
        Map<String, Object> settings = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.bootstrapServers());
        StringBuilder out = new StringBuilder();
        try (Admin admin = Admin.create(settings)) {
            for (String topic : TOPICS) {
                String group = "report-service." + topic + "." + tag;
                var description = admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS)
                        .get(group);
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (var partition : admin.describeTopics(List.of(prefix + topic)).allTopicNames()
                        .get(10, TimeUnit.SECONDS).get(prefix + topic).partitions()) {
                    latest.put(new TopicPartition(prefix + topic, partition.partition()), OffsetSpec.latest());
                }
                var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                out.append("\n  ").append(group).append(" state ").append(description.state())
                        .append(", members ").append(description.members().size()).append(':');
                for (var end : ends.entrySet()) {
                    var at = committed.get(end.getKey());
                    out.append(' ').append(end.getKey().partition()).append('=')
                            .append(at == null ? "-" : Long.toString(at.offset())).append('/')
                            .append(end.getValue().offset());
                }
            }
        } catch (Exception e) {
            out.append(" (could not read: ").append(e).append(')');
        }
        return out.toString();
    }

    /** The running test class's name of contract topic {@code topic} (e.g. {@code aft.datasets}). */
    static String topic(String topic) {
        String prefix = System.getProperty(PREFIX_PROPERTY);
        if (prefix == null) {
            throw new IllegalStateException("IsolationResource has not started");
        }
        return Topics.withPrefix(prefix, topic);
    }
}
