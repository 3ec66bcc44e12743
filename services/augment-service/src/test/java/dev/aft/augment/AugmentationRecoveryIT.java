package dev.aft.augment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aft.augment.domain.StatementsJsonl;
import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.events.AugmentationCompleted;
import dev.aft.contracts.plan.AugmentStrategy;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresProvider;
import dev.aft.testing.PostgresTestResource;
import dev.aft.testing.ServiceProcess;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged augment-service as a real process, killed (SIGKILL) in the middle of a local augmentation after
 * some outputs were stored, then restarted: the run resumes where it stopped, keeps what was stored, stores no
 * output or statement twice, and publishes exactly one AugmentationCompleted whose link serves its statements.
 */
class AugmentationRecoveryIT {

    private static final int SAMPLES = 4;
    private static final int PLANNED = 30 * SAMPLES;

    private String database;
    private Map<String, String> env;

    @BeforeEach
    void setUp() {
        Services.start();
        env = new HashMap<>(Services.database());
        database = env.remove("AFT_TEST_DATABASE");
        env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaTestResource.bootstrapServers());
        env.put("AFT_AUGMENT_TOPIC_PREFIX", Services.topicPrefix());
        env.put("AFT_AUGMENT_MODEL_BASE_URL", Services.modelServiceUrl() + "/v1");
        env.put("AFT_AUGMENT_PUBLIC_BASE_URL", "http://127.0.0.1:${quarkus.http.port}");
        // one output per request, one request at a time: a slow enough run to be killed in the middle
        env.put("AFT_AUGMENT_MODEL_BATCH_SIZE", "1");
        env.put("AFT_AUGMENT_MODEL_CONCURRENCY", "1");
        env.put("AFT_AUGMENT_LOCAL_MAX_TOKENS", "48");
        env.put("AFT_AUGMENT_PROGRESS_INTERVAL", "0s");
    }

    @AfterEach
    void dropDatabase() {
        PostgresTestResource.dropDatabase(database);
    }

    @Test
    void aRunKilledMidwayResumesAfterTheRestartWithoutDuplicatesAndCompletesOnce() throws Exception {
        String experimentId;
        Map<String, String> outputsBefore;
        Map<String, String> statementsBefore;
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jarUnderTest(), env)) {
            experimentId = Experiments.generated(Services.datasetServiceUrl(),
                    Experiments.plan(TinyModel.ID, "model-service", SAMPLES, 1.0, AugmentStrategy.LOCAL));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (count("select count(*) from augmentation_output") < 10 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            service.crash();
            assertThat(count("select count(*) from augmentation_output")).as(service.log()).isBetween(10, PLANNED - 1);
        }
        assertThat(text("select state from augmentation_run")).isEqualTo("RUNNING");
        outputsBefore = pairs("select promptId || '#' || sample, text from augmentation_output");
        statementsBefore = pairs("select cast(id as text), text from augmentation_statement");
        assertThat(statementsBefore).as("statements kept before the kill").isNotEmpty();
        assertThat(Experiments.await("augmentations", experimentId, e -> true, 1, Duration.ofSeconds(2), Duration.ZERO))
                .as("nothing published before the restart").isEmpty();

        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jarUnderTest(), env)) {
            List<EventEnvelope<?>> events = Experiments.await("augmentations", experimentId, e -> true, 1,
                    Duration.ofSeconds(240), Duration.ofSeconds(3));
            assertThat(events).as("events after the restart\n" + service.log()).hasSize(1);
            AugmentationCompleted completed = events.get(0).payloadAs(AugmentationCompleted.class);
            assertThat(service.log()).contains("(local, model tiny) resumes");

            assertThat(count("select count(*) from augmentation_output")).isEqualTo(PLANNED);
            assertThat(count("select count(distinct promptId || '#' || sample) from augmentation_output"))
                    .isEqualTo(PLANNED);
            Map<String, String> outputsAfter = pairs("select promptId || '#' || sample, text from augmentation_output");
            assertThat(outputsAfter).as("outputs stored before the crash are kept as they were")
                    .containsAllEntriesOf(outputsBefore);
            Map<String, String> statementsAfter = pairs("select cast(id as text), text from augmentation_statement");
            assertThat(statementsAfter).containsAllEntriesOf(statementsBefore);
            assertThat(count("select count(distinct normalized) from augmentation_statement"))
                    .isEqualTo(statementsAfter.size());

            Map<String, Integer> counts = completed.counts();
            assertThat(counts.get("outputs") + counts.get("overContextOutputs")).isEqualTo(PLANNED);
            assertThat(counts.get("kept")).isEqualTo(statementsAfter.size());
            byte[] jsonl = Experiments.get(completed.statementsContent().url());
            assertThat(StatementsJsonl.sha256(jsonl)).isEqualTo(completed.statementsContent().sha256());
            List<JsonNode> lines = Experiments.lines(jsonl);
            assertThat(lines.stream().map(l -> l.path("id").asText()).collect(Collectors.toSet()))
                    .isEqualTo(statementsAfter.keySet());
            assertThat(completed.tokens().promptTokens()).isPositive();
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = PostgresProvider.server().connect(database);
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            if (e.getMessage().contains("does not exist")) {
                return 0; // the service has not created its tables yet
            }
            throw e;
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection connection = PostgresProvider.server().connect(database);
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private Map<String, String> pairs(String sql) throws SQLException {
        Map<String, String> pairs = new HashMap<>();
        try (Connection connection = PostgresProvider.server().connect(database);
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            while (result.next()) {
                pairs.put(result.getString(1), result.getString(2));
            }
        }
        return pairs;
    }
}
