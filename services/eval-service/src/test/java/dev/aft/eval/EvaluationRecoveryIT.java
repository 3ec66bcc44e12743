package dev.aft.eval;

import static dev.aft.eval.EvalTestSupport.createExperiment;
import static dev.aft.eval.EvalTestSupport.plan;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.Topics;
import dev.aft.contracts.events.EvaluationCompleted;
import dev.aft.contracts.events.StageProgressed;
import dev.aft.contracts.plan.Condition;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresProvider;
import dev.aft.testing.PostgresServer;
import dev.aft.testing.PostgresTestResource;
import dev.aft.testing.ServiceProcess;
import dev.aft.testing.TopicReader;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service as a real process, killed (SIGKILL) in the middle of an evaluation: after the restart
 * the evaluation starts over and completes, and exactly one {@code EvaluationCompleted} is published for it.
 */
class EvaluationRecoveryIT {

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
                "QUARKUS_DATASOURCE_PASSWORD", server.password(),
                "AFT_EVAL_MODEL_BASE_URL", ServicesResource.modelServiceUrl() + "/v1",
                "AFT_EVAL_WORKERS_PROGRESS_INTERVAL", "0s",
                "AFT_EVAL_WORKERS_POLL_INTERVAL", "1s"));
    }

    @AfterEach
    void dropDatabase() {
        PostgresTestResource.dropDatabase(database);
    }

    @Test
    void anEvaluationKilledMidwayStartsOverAfterTheRestartAndCompletesOnce() throws Exception {
        String experimentId = createExperiment(plan(Condition.PRETRAINED), TestData.LARGE_PARAMETERS)
                .getString("experimentId");
        int items = TestData.large().tests().size();
        String evaluationId;
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jarUnderTest(), env);
                TopicReader progress = TopicReader.fromBeginning(Topics.PROGRESS)) {
            List<EventEnvelope<?>> started = progress.awaitEvents(e -> e.experimentId().equals(experimentId)
                    && e.payload() instanceof StageProgressed p && p.done() >= 3, 1, Duration.ofSeconds(90), Duration.ZERO);
            assertThat(started).as("progress of %s\n%s", experimentId, service.log()).isNotEmpty();
            StageProgressed last = started.get(0).payloadAs(StageProgressed.class);
            assertThat(last.done()).isLessThan(items);
            evaluationId = last.subjectId();
            service.crash();
        }
        assertThat(query("select state from evaluation")).isEqualTo("RUNNING");

        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jarUnderTest(), env);
                TopicReader evaluations = TopicReader.fromBeginning(Topics.EVALUATIONS)) {
            List<EventEnvelope<?>> completed = evaluations.awaitEvents(e -> e.experimentId().equals(experimentId),
                    1, Duration.ofSeconds(120), Duration.ofSeconds(3));
            assertThat(completed).as("outcomes after the restart\n%s", service.log()).hasSize(1);
            EvaluationCompleted event = completed.get(0).payloadAs(EvaluationCompleted.class);
            assertThat(event.evaluationId()).isEqualTo(evaluationId);
            JsonPath view = given().baseUri(service.baseUrl()).get("/evaluations/" + evaluationId)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(view.getInt("attempts")).isEqualTo(2);
            assertThat(view.getInt("items")).isEqualTo(items);
        }
    }

    private String query(String sql) throws Exception {
        try (Connection connection = PostgresProvider.server().connect(database);
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            assertThat(result.next()).as(sql).isTrue();
            return result.getString(1);
        }
    }
}
