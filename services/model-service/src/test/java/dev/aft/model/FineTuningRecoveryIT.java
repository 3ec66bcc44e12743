package dev.aft.model;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.testing.PostgresProvider;
import dev.aft.testing.PostgresServer;
import dev.aft.testing.PostgresTestResource;
import dev.aft.testing.ServiceProcess;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged service as a real process: a fine-tuning job killed (SIGKILL) after its first checkpoint is taken
 * up again when the service restarts, resumes from that checkpoint, and completes with exactly one fine-tuned
 * model, for full fine-tuning and LoRA.
 */
class FineTuningRecoveryIT {

    private static final int STEPS = 300;
    private static final int CHECKPOINT_EVERY = 10;

    private String database;
    private Path home;
    private Map<String, String> env;

    @BeforeEach
    void setUp() throws IOException {
        database = PostgresTestResource.createDatabase();
        home = Files.createTempDirectory("aft-model-it-");
        TinyModels.write(home.resolve("models").resolve("tiny"), 64, 64, 1, false);
        PostgresServer server = PostgresProvider.server();
        env = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", server.reactiveUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", server.user(),
                "QUARKUS_DATASOURCE_PASSWORD", server.password(),
                "AFT_MODEL_HOME", home.toString(),
                "AFT_MODEL_REFERENCE_MODEL_PATH", home.resolve("none").toString()));
    }

    @AfterEach
    void tearDown() throws IOException {
        PostgresTestResource.dropDatabase(database);
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"supervised", "lora"})
    void aJobKilledAfterACheckpointResumesAfterTheRestartAndCompletesOnce(String method) throws Exception {
        String job;
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jarUnderTest(), env)) {
            String file = at(service).multiPart("file", "facts.jsonl", FineTuning.FACTS.getBytes(StandardCharsets.UTF_8),
                    "application/jsonl").multiPart("purpose", "fine-tune").post("/v1/files").then().statusCode(200)
                    .extract().jsonPath().getString("id");
            job = at(service).contentType("application/json").body("""
                    {"model": "tiny", "training_file": "%s", "suffix": "kill", "seed": 11,
                     "method": {"type": "%s", "%s": {"hyperparameters": {"steps": %d, "batch_size": 4,
                       "learning_rate": 0.01, "checkpoint_every": %d}}}}"""
                    .formatted(file, method, method, STEPS, CHECKPOINT_EVERY))
                    .post("/v1/fine_tuning/jobs").then().statusCode(200).extract().jsonPath().getString("id");
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> checkpoints(service, job).size() > 0);
            service.crash();
        }
        assertThat(status(job)).as("the job was killed mid-run").isEqualTo("running");
        int checkpoint = lastCheckpoint(job);
        assertThat(checkpoint).isBetween(CHECKPOINT_EVERY, STEPS - 1);
        assertThat(Files.list(home.resolve("models")).map(p -> p.getFileName().toString()))
                .containsExactly("tiny");

        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jarUnderTest(), env)) {
            JsonPath done = awaitFinished(service, job);
            assertThat(done.getString("status")).as(done.prettify() + service.log()).isEqualTo("succeeded");
            String model = done.getString("fine_tuned_model");
            assertThat(model).isEqualTo("ft:tiny:kill:" + job.substring(6, 14));

            List<String> messages = at(service).queryParam("limit", 100).get("/v1/fine_tuning/jobs/" + job + "/events")
                    .jsonPath().getList("data.message", String.class);
            assertThat(messages.get(0)).startsWith("The job has successfully completed").endsWith("(resumed from a checkpoint)");
            assertThat(messages).anyMatch(m -> m.startsWith("Resuming after a service restart (attempt 2)"));
            assertThat(messages.stream().filter(m -> m.equals("Fine-tuning job started"))).hasSize(1);
            assertThat(attempts(job)).isEqualTo(2);

            List<String> models = at(service).get("/v1/models").jsonPath().getList("data.id", String.class);
            assertThat(models).containsExactlyInAnyOrder("tiny", model);
            at(service).contentType("application/json").body("""
                    {"model": "%s", "prompt": "glon are", "max_tokens": 3, "temperature": 0}""".formatted(model))
                    .post("/v1/completions").then().statusCode(200);
        }
        try (Stream<Path> folders = Files.list(home.resolve("models"))) {
            assertThat(folders.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("tiny",
                    "ft:tiny:kill:" + job.substring(6, 14));
        }
        assertThat(home.resolve("jobs").resolve(job)).doesNotExist();
    }

    @org.junit.jupiter.api.Test
    void aGracefulStopCheckpointsTheRunningJobAndTheNextStartFinishesIt() throws Exception {
        String job;
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jarUnderTest(), env)) {
            String file = at(service).multiPart("file", "facts.jsonl", FineTuning.FACTS.getBytes(StandardCharsets.UTF_8),
                    "application/jsonl").multiPart("purpose", "fine-tune").post("/v1/files").then().statusCode(200)
                    .extract().jsonPath().getString("id");
            // No periodic checkpoints: the only one is written when the service stops.
            job = at(service).contentType("application/json").body("""
                    {"model": "tiny", "training_file": "%s", "suffix": "stop", "seed": 12,
                     "hyperparameters": {"steps": %d, "batch_size": 4, "learning_rate": 0.01, "checkpoint_every": 0}}"""
                    .formatted(file, STEPS)).post("/v1/fine_tuning/jobs").then().statusCode(200).extract().jsonPath()
                    .getString("id");
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> at(service).get("/v1/fine_tuning/jobs/" + job + "/events").jsonPath()
                            .getList("data.type", String.class).contains("metrics"));
        }
        assertThat(status(job)).isEqualTo("running");
        int checkpoint = lastCheckpoint(job);
        assertThat(checkpoint).isBetween(1, STEPS - 1);
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jarUnderTest(), env)) {
            JsonPath done = awaitFinished(service, job);
            assertThat(done.getString("status")).as(service.log()).isEqualTo("succeeded");
            List<String> messages = at(service).queryParam("limit", 100).get("/v1/fine_tuning/jobs/" + job + "/events")
                    .jsonPath().getList("data.message", String.class);
            assertThat(messages.get(0)).endsWith("(resumed from a checkpoint)");
            assertThat(messages).anyMatch(m -> m.startsWith("The service is stopping: the job pauses at step "
                    + checkpoint));
        }
    }

    private static RequestSpecification at(ServiceProcess service) {
        return given().baseUri(service.baseUrl());
    }

    private static List<String> checkpoints(ServiceProcess service, String job) {
        return at(service).queryParam("limit", 100).get("/v1/fine_tuning/jobs/" + job + "/events").jsonPath()
                .getList("data.message", String.class).stream().filter(m -> m.startsWith("Checkpoint created")).toList();
    }

    private static JsonPath awaitFinished(ServiceProcess service, String job) {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).until(() -> {
            last[0] = at(service).get("/v1/fine_tuning/jobs/" + job).then().statusCode(200).extract().jsonPath();
            return List.of("succeeded", "failed", "cancelled").contains(last[0].getString("status"));
        });
        return last[0];
    }

    private String status(String job) throws Exception {
        return query("select status from fine_tuning_job where id = ?", job);
    }

    private int attempts(String job) throws Exception {
        return Integer.parseInt(query("select attempts from fine_tuning_job where id = ?", job));
    }

    /** The step of the newest checkpoint event the killed process recorded. */
    private int lastCheckpoint(String job) throws Exception {
        String message = query("select message from fine_tuning_event where jobid = ? and message like"
                + " 'Checkpoint created%' order by position desc limit 1", job);
        return Integer.parseInt(message.replaceAll("\\D+", ""));
    }

    private String query(String sql, String parameter) throws Exception {
        try (Connection connection = PostgresProvider.server().connect(database);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                assertThat(result.next()).as(sql).isTrue();
                return result.getString(1);
            }
        }
    }
}
