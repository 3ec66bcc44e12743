package dev.aft.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.Topics;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresProvider;
import dev.aft.testing.PostgresServer;
import dev.aft.testing.PostgresTestResource;
import dev.aft.testing.ServiceProcess;
import dev.aft.testing.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service as a real process: an outbox row committed before a crash (here, with the relay
 * switched off, the crash comes between commit and send) is published after the restart, exactly once.
 */
class OutboxRecoveryIT {

    private String database;
    private Map<String, String> env;

    @BeforeEach
    void database() {
        database = PostgresTestResource.createDatabase();
        PostgresServer server = PostgresProvider.server();
        env = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", KafkaTestResource.bootstrapServers(),
                "QUARKUS_DATASOURCE_REACTIVE_URL", server.reactiveUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", server.user(),
                "QUARKUS_DATASOURCE_PASSWORD", server.password()));
    }

    @AfterEach
    void dropDatabase() {
        PostgresTestResource.dropDatabase(database);
    }

    @Test
    void aRowCommittedBeforeACrashIsPublishedOnceAfterTheRestart() throws Exception {
        String experimentId;
        env.put("AFT_OUTBOX_RELAY_ENABLED", "false");
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jarUnderTest(), env)) {
            experimentId = createExperiment(service);
            service.crash();
        }
        assertThat(rows("select count(*) from outbox_event")).isEqualTo(1);
        try (TopicReader reader = TopicReader.fromBeginning(Topics.DATASETS)) {
            assertThat(reader.awaitEvents(e -> e.experimentId().equals(experimentId), 1, Duration.ofSeconds(3),
                    Duration.ZERO)).as("nothing published while the relay was off").isEmpty();
        }

        env.put("AFT_OUTBOX_RELAY_ENABLED", "true");
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jarUnderTest(), env)) {
            try (TopicReader reader = TopicReader.fromBeginning(Topics.DATASETS)) {
                List<EventEnvelope<?>> events = reader.awaitEvents(e -> e.experimentId().equals(experimentId), 1,
                        Duration.ofSeconds(60), Duration.ofSeconds(3));
                assertThat(events).as("DatasetCreated after the restart").hasSize(1);
            }
        }
        // A further restart publishes nothing again: the row is marked.
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jarUnderTest(), env);
                TopicReader reader = TopicReader.fromBeginning(Topics.DATASETS)) {
            assertThat(reader.awaitEvents(e -> e.experimentId().equals(experimentId), 2, Duration.ofSeconds(4),
                    Duration.ZERO)).hasSize(1);
        }
    }

    private static String createExperiment(ServiceProcess service) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(service.baseUrl() + "/experiments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"upload\": {\"documents\": [{\"id\": \"d1\", \"text\": \"Glon are heavier than femp.\"}]}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"experimentId\":\"([^\"]+)\"").matcher(response.body());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private int rows(String sql) throws Exception {
        try (Connection connection = PostgresProvider.server().connect(database);
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }
}
