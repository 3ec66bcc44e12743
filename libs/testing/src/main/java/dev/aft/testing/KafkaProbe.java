package dev.aft.testing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Whether a Kafka cluster answers at a bootstrap address. */
public final class KafkaProbe {

    private KafkaProbe() {
    }

    public static boolean answers(String bootstrapServers, Duration timeout) {
        String first = bootstrapServers.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        if (colon < 0 || !FreePorts.accepts(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)),
                (int) Math.min(timeout.toMillis(), 2000))) {
            return false; // nothing listening: skip the admin client and its retry logging
        }
        int millis = (int) timeout.toMillis();
        Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
        try {
            return !admin.describeCluster().nodes().get(millis, TimeUnit.MILLISECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        } finally {
            // Bounded: against something that accepts connections but never speaks Kafka, close() would wait forever.
            admin.close(Duration.ofSeconds(2));
        }
    }
}
