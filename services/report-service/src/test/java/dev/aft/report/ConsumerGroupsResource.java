package dev.aft.report;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Consumer groups of the test class's own: the test classes share one broker and its topics, and a new
 * application joining a group that a stopped one's consumers still seem to hold waits for their session to
 * time out (tens of seconds) before it gets partitions. A new group starts at once, from the earliest offsets.
 */
public class ConsumerGroupsResource implements QuarkusTestResourceLifecycleManager {

    private static final List<String> TOPICS = List.of("datasets", "augmentations", "models", "evaluations",
            "reports", "progress");

    @Override
    public Map<String, String> start() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> groups = new HashMap<>();
        for (String topic : TOPICS) {
            groups.put("mp.messaging.incoming.\"aft." + topic + "\".group.id", "report-service." + topic + "." + suffix);
        }
        return groups;
    }

    @Override
    public void stop() {
    }
}
