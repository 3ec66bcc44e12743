package dev.aft.testing;

import org.jboss.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Kafka and PostgreSQL as containers, for machines with a Docker engine (testcontainers mode). */
public final class Containers {

    private static final Logger LOG = Logger.getLogger(Containers.class);
    public static final String KAFKA_IMAGE = "apache/kafka-native:4.1.1";
    public static final String POSTGRES_IMAGE = "postgres:15-alpine";

    private Containers() {
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            LOG.debugf("no Docker engine: %s", e.toString());
            return false;
        }
    }

    public static KafkaContainer kafka() {
        return new KafkaContainer(KAFKA_IMAGE);
    }

    public static PostgreSQLContainer postgres() {
        return new PostgreSQLContainer(POSTGRES_IMAGE).withUsername("aft").withPassword("aft").withDatabaseName("postgres");
    }
}
