package dev.aft.report;

import dev.aft.contracts.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    /** The running test class's name of contract topic {@code topic} (e.g. {@code aft.datasets}). */
    static String topic(String topic) {
        String prefix = System.getProperty(PREFIX_PROPERTY);
        if (prefix == null) {
            throw new IllegalStateException("IsolationResource has not started");
        }
        return Topics.withPrefix(prefix, topic);
    }
}
