package dev.aft.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for {@code @QuarkusTest}s: {@code @WithTestResource(KafkaTestResource.class)}.
 *
 * <p>Reuses the broker at {@code KAFKA_BOOTSTRAP_SERVERS} when one answers there; otherwise starts one per test
 * JVM (a container in testcontainers mode where Docker answers, else {@link LocalKafkaBroker} on free ports) and
 * stops it when the JVM exits. Sets {@code kafka.bootstrap.servers}, which every SmallRye Kafka channel uses.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    private static final Logger LOG = Logger.getLogger(KafkaTestResource.class);

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker serves every test class of this JVM; it stops when the JVM exits.
    }

    /** The broker's address, starting one on first use. Usable outside Quarkus tests too. */
    public static String bootstrapServers() {
        return JvmShared.computeIfAbsent("aft.test.kafka.bootstrap-servers", KafkaTestResource::obtain);
    }

    private static String obtain() {
        return reuseOrStart(System.getenv(BOOTSTRAP_ENV), KafkaTestResource::startBroker);
    }

    /** {@code configured} when a broker answers there, else the address of one that {@code start} starts. */
    static String reuseOrStart(String configured, Supplier<String> start) {
        if (configured != null && !configured.isBlank()) {
            if (KafkaProbe.answers(configured, Duration.ofSeconds(5))) {
                LOG.infof("reusing the Kafka broker at %s (%s)", configured, BOOTSTRAP_ENV);
                return configured;
            }
            LOG.warnf("%s=%s does not answer; starting a broker for this test run", BOOTSTRAP_ENV, configured);
        }
        return start.get();
    }

    private static String startBroker() {
        if (InfrastructureMode.useContainers()) {
            KafkaContainer container = Containers.kafka();
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-container-stop"));
            return container.getBootstrapServers();
        }
        LocalKafkaBroker broker = LocalKafkaBroker.startOnFreePorts();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
        return broker.bootstrapServers();
    }
}
