package dev.aft.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The testcontainers mode's servers, on machines with a Docker engine; skipped (not failed) elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
class ContainersTest {

    @Test
    void theKafkaContainerAnswersAsABroker() {
        try (KafkaContainer kafka = Containers.kafka()) {
            kafka.start();
            assertThat(KafkaProbe.answers(kafka.getBootstrapServers(), Duration.ofSeconds(10))).isTrue();
        }
    }

    @Test
    void thePostgresContainerAcceptsTheAftRole() throws Exception {
        try (PostgreSQLContainer postgres = Containers.postgres()) {
            postgres.start();
            PostgresServer server = new PostgresServer(postgres.getHost(), postgres.getFirstMappedPort(),
                    postgres.getUsername(), postgres.getPassword(), "container");
            try (Connection connection = server.connect("postgres");
                    ResultSet rows = connection.createStatement().executeQuery("select current_user")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("aft");
            }
        }
    }
}
