package dev.aft.finetune;

import static dev.aft.finetune.FinetuneTestSupport.awaitOutcomes;
import static dev.aft.finetune.FinetuneTestSupport.createExperiment;
import static dev.aft.finetune.FinetuneTestSupport.plan;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.events.ModelTrained;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.plan.SentenceSplitting;
import dev.aft.finetune.domain.RunIds;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresProvider;
import dev.aft.testing.PostgresServer;
import dev.aft.testing.PostgresTestResource;
import dev.aft.testing.ServiceProcess;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service as a real process, killed (SIGKILL) while its job trains on model-service. To cover the
 * worst moment too (the job created, its id not yet stored), the stored job id is erased before the restart: the
 * restarted service finds the job by its suffix, follows it, and publishes exactly one {@code ModelTrained};
 * model-service holds exactly one job for the run.
 */
class FineTuningRecoveryIT {

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
                "AFT_FINETUNE_MODEL_BASE_URL", ServicesResource.modelServiceUrl() + "/v1",
                "AFT_FINETUNE_WORKERS_POLL_INTERVAL", "1s",
                "AFT_FINETUNE_WORKERS_JOB_POLL_INTERVAL", "200ms",
                "AFT_FINETUNE_WORKERS_MAX_JOB_POLL_INTERVAL", "1s",
                "AFT_FINETUNE_WORKERS_PROGRESS_INTERVAL", "0s"));
    }

    @AfterEach
    void dropDatabase() {
        PostgresTestResource.dropDatabase(database);
    }

    @Test
    void aRunKilledWhileItsJobTrainsIsReattachedAndPublishesOneModelTrained() throws Exception {
        String experimentId = createExperiment(plan(400, SentenceSplitting.INDEPENDENT, Condition.FT))
                .getString("experimentId");
        String runId;
        String jobId;
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jarUnderTest(), env)) {
            JsonPath run = awaitJob(service, experimentId);
            runId = run.getString("[0].id");
            jobId = run.getString("[0].jobId");
            service.crash();
        }
        String status = given().baseUri(ServicesResource.modelServiceUrl()).get("/v1/fine_tuning/jobs/" + jobId)
                .then().statusCode(200).extract().jsonPath().getString("status");
        assertThat(status).as("the job still trains when the service dies").isIn("validating_files", "queued", "running");
        try (Connection connection = PostgresProvider.server().connect(database)) {
            assertThat(connection.createStatement().executeUpdate("update training_run set jobid = null")).isEqualTo(1);
        }

        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jarUnderTest(), env)) {
            List<EventEnvelope<?>> outcomes = awaitOutcomes(experimentId, 1, Duration.ofSeconds(3));
            assertThat(outcomes).as("outcomes after the restart\n%s", service.log()).hasSize(1);
            ModelTrained trained = outcomes.get(0).payloadAs(ModelTrained.class);
            assertThat(trained.runId()).isEqualTo(runId);
            assertThat(trained.hyperparameters().steps()).isEqualTo(400);
            JsonPath view = given().baseUri(service.baseUrl()).get("/runs/" + runId).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(view.getString("jobId")).isEqualTo(jobId);
            assertThat(view.getString("state")).isEqualTo("succeeded");
        }
        List<String> suffixes = given().baseUri(ServicesResource.modelServiceUrl()).get("/v1/fine_tuning/jobs?limit=100")
                .then().statusCode(200).extract().jsonPath().getList("data.user_provided_suffix", String.class);
        assertThat(suffixes).filteredOn(RunIds.jobSuffix(UUID.fromString(runId))::equals).hasSize(1);
    }

    private static JsonPath awaitJob(ServiceProcess service, String experimentId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath runs = given().baseUri(service.baseUrl()).queryParam("experimentId", experimentId).get("/runs")
                    .then().statusCode(200).extract().jsonPath();
            if (!runs.getList("$").isEmpty() && runs.getString("[0].jobId") != null) {
                return runs;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no job submitted for " + experimentId + "\n" + service.log());
    }
}
