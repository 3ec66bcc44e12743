package dev.aft.model;

import static dev.aft.model.FineTuning.awaitStatus;
import static dev.aft.model.FineTuning.create;
import static dev.aft.model.FineTuning.events;
import static dev.aft.model.FineTuning.logLikelihood;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = ModelHomeResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class FineTuningJobsTest {

    private static final Duration TRAINING = Duration.ofSeconds(180);
    private static final String TEXT = "glon are heavier than femp";

    @Test
    void aFullFineTuneSucceedsAndItsModelAnswersAtOnce() throws Exception {
        String file = FineTuning.uploadFacts();
        Response created = create("""
                {"model": "tiny", "training_file": "%s", "suffix": "facts", "seed": 3,
                 "hyperparameters": {"steps": 24, "batch_size": 4, "learning_rate": 0.01, "warmup_steps": 2,
                                     "checkpoint_every": 10}}""".formatted(file));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(200);
        JsonPath job = created.jsonPath();
        String id = job.getString("id");
        assertThat(id).startsWith("ftjob-");
        assertThat(job.getString("object")).isEqualTo("fine_tuning.job");
        assertThat(job.getString("status")).isIn("validating_files", "queued", "running");
        assertThat(job.getString("training_file")).isEqualTo(file);
        assertThat(job.getLong("seed")).isEqualTo(3);
        assertThat(job.getInt("hyperparameters.batch_size")).isEqualTo(4);
        assertThat(job.getString("method.type")).isEqualTo("supervised");
        assertThat(job.getInt("method.supervised.hyperparameters.steps")).isEqualTo(24);
        assertThat(job.getString("fine_tuned_model")).isNull();
        java.util.Set<String> fields = new java.util.HashSet<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.asString()).fieldNames()
                .forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("object", "id", "model", "created_at", "finished_at",
                "fine_tuned_model", "organization_id", "result_files", "status", "validation_file", "training_file",
                "hyperparameters", "trained_tokens", "error", "seed", "estimated_finish", "integrations",
                "user_provided_suffix", "method", "metadata");

        JsonPath done = awaitStatus(id, TRAINING, "succeeded", "failed", "cancelled");
        assertThat(done.getString("status")).as(done.prettify()).isEqualTo("succeeded");
        String model = done.getString("fine_tuned_model");
        assertThat(model).isEqualTo("ft:tiny:facts:" + id.substring(6, 14));
        assertThat(done.getLong("trained_tokens")).isPositive();
        assertThat(done.getLong("finished_at")).isGreaterThanOrEqualTo(done.getLong("created_at"));
        assertThat(done.getMap("error")).isNull();

        List<Map<String, Object>> events = events(id);
        assertThat(events).allSatisfy(event -> assertThat(event.get("object")).isEqualTo("fine_tuning.job.event"));
        List<String> messages = events.stream().map(e -> (String) e.get("message")).toList();
        assertThat(messages.get(0)).startsWith("The job has successfully completed");
        assertThat(messages.get(messages.size() - 1)).isEqualTo("Validating training file: " + file);
        assertThat(messages).contains("Files validated, moving job to queued state", "Fine-tuning job started",
                "Checkpoint created at step 10", "Checkpoint created at step 20", "New fine-tuned model created: " + model);
        List<Map<String, Object>> metrics = events.stream().filter(e -> "metrics".equals(e.get("type"))).toList();
        assertThat(metrics).isNotEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> last = (Map<String, Object>) metrics.get(0).get("data");
        assertThat(last).containsKeys("step", "total_steps", "train_loss", "learning_rate", "tokens_per_second",
                "eta_seconds").containsEntry("step", 24).containsEntry("total_steps", 24).containsEntry("eta_seconds", 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) metrics.get(metrics.size() - 1).get("data");
        assertThat(first).containsEntry("step", 1);
        assertThat(((Number) last.get("train_loss")).doubleValue())
                .isLessThan(((Number) first.get("train_loss")).doubleValue());
        assertThat(events.stream().map(e -> ((Number) e.get("created_at")).longValue()).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        // Served at once, and it learned the facts.
        assertThat(given().get("/v1/models/" + model).then().statusCode(200).extract().jsonPath().getString("id"))
                .isEqualTo(model);
        assertThat(logLikelihood(model, TEXT)).isGreaterThan(logLikelihood("tiny", TEXT) + 1.0);
        assertThat(Files.exists(ModelHomeResource.home().resolve("jobs").resolve(id))).isFalse();
    }

    @Test
    void aLoraFineTuneWritesAnAdapterAndLeavesTheBaseUntouched() throws Exception {
        Path base = ModelHomeResource.modelFolder("tiny").resolve("model.safetensors");
        String before = sha256(base);
        String file = FineTuning.uploadFacts();
        Response created = create("""
                {"model": "tiny", "training_file": "%s", "seed": 5,
                 "method": {"type": "lora", "lora": {"hyperparameters": {"steps": 24, "batch_size": 4,
                   "learning_rate": 0.02, "rank": 4, "alpha": 8, "target_modules": ["q_proj", "v_proj", "o_proj"],
                   "completion_only_loss": true}}}}""".formatted(file));
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(200);
        String id = created.jsonPath().getString("id");
        assertThat(created.jsonPath().getString("method.type")).isEqualTo("lora");
        assertThat(created.jsonPath().getInt("method.lora.hyperparameters.rank")).isEqualTo(4);
        assertThat(created.jsonPath().getBoolean("method.lora.hyperparameters.completion_only_loss")).isTrue();

        JsonPath done = awaitStatus(id, TRAINING, "succeeded", "failed", "cancelled");
        assertThat(done.getString("status")).as(done.prettify()).isEqualTo("succeeded");
        String model = done.getString("fine_tuned_model");
        assertThat(model).isEqualTo("ft:tiny:" + id.substring(6, 14));
        Path folder = ModelHomeResource.modelFolder(model);
        assertThat(folder.resolve("adapter_config.json")).exists();
        assertThat(folder.resolve("model.safetensors")).doesNotExist();
        assertThat(sha256(base)).isEqualTo(before);

        double tuned = logLikelihood(model, TEXT);
        double original = logLikelihood("tiny", TEXT);
        assertThat(tuned).isNotCloseTo(original, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(tuned).isGreaterThan(original);
    }

    @Test
    void aCancelledJobStopsAndPublishesNothing() {
        String file = FineTuning.uploadFacts();
        String id = create("""
                {"model": "tiny", "training_file": "%s", "suffix": "never",
                 "hyperparameters": {"steps": 1000000, "batch_size": 2}}""".formatted(file))
                .then().statusCode(200).extract().jsonPath().getString("id");
        Awaitility.await().atMost(TRAINING).until(() -> events(id).stream().anyMatch(e -> "metrics".equals(e.get("type"))));

        JsonPath cancelled = given().post("/v1/fine_tuning/jobs/" + id + "/cancel").then().statusCode(200).extract()
                .jsonPath();
        assertThat(cancelled.getString("status")).isEqualTo("cancelled");
        assertThat(cancelled.getLong("finished_at")).isPositive();
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> !Files.exists(ModelHomeResource.home().resolve("jobs").resolve(id)));
        assertThat(FineTuning.job(id).getString("status")).isEqualTo("cancelled");
        assertThat(FineTuning.job(id).getString("fine_tuned_model")).isNull();
        assertThat(given().get("/v1/models").jsonPath().getList("data.id", String.class))
                .noneMatch(model -> model.contains(":never:"));
        assertThat(events(id).get(0).get("message")).isEqualTo("Fine-tuning job cancelled");
        assertThat(events(id).stream().filter(e -> "Fine-tuning job cancelled".equals(e.get("message")))).hasSize(1);

        Map<String, Object> again = OpenAiErrors.error(given().post("/v1/fine_tuning/jobs/" + id + "/cancel"), 400);
        assertThat((String) again.get("message")).contains("already cancelled");
    }

    @Test
    void jobsAreListedNewestFirstInPages() {
        String file = FineTuning.uploadFacts();
        String request = """
                {"model": "tiny", "training_file": "%s", "hyperparameters": {"steps": 1, "batch_size": 1}}"""
                .formatted(file);
        String older = create(request).then().statusCode(200).extract().jsonPath().getString("id");
        String newer = create(request).then().statusCode(200).extract().jsonPath().getString("id");
        JsonPath page = given().queryParam("limit", 1).get("/v1/fine_tuning/jobs").then().statusCode(200).extract()
                .jsonPath();
        assertThat(page.getString("object")).isEqualTo("list");
        assertThat(page.getList("data.id", String.class)).containsExactly(newer);
        assertThat(page.getBoolean("has_more")).isTrue();
        List<String> all = given().queryParam("limit", 100).get("/v1/fine_tuning/jobs").jsonPath()
                .getList("data.id", String.class);
        assertThat(all.indexOf(newer)).isLessThan(all.indexOf(older));
        List<String> after = given().queryParam("after", newer).queryParam("limit", 100).get("/v1/fine_tuning/jobs")
                .jsonPath().getList("data.id", String.class);
        assertThat(after).doesNotContain(newer).contains(older);
        awaitStatus(older, TRAINING, "succeeded");
        awaitStatus(newer, TRAINING, "succeeded");
    }

    @Test
    void badJobRequestsAreRejectedInOpenAisShape() {
        String file = FineTuning.uploadFacts();
        assertThat(OpenAiErrors.error(create("{\"model\": \"nope\", \"training_file\": \"" + file + "\"}"), 404))
                .containsEntry("code", "model_not_found");
        assertThat(OpenAiErrors.error(create("{\"model\": \"tiny\", \"training_file\": \"file-nope\"}"), 400))
                .containsEntry("param", "training_file");
        assertThat(OpenAiErrors.error(create("{\"model\": \"tiny\"}"), 400)).containsEntry("param", "training_file");
        assertThat(OpenAiErrors.error(create("""
                {"model": "tiny", "training_file": "%s", "hyperparameters": {"n_epochs": 2, "steps": 5}}"""
                .formatted(file)), 400)).containsEntry("param", "hyperparameters.steps");
        assertThat(OpenAiErrors.error(create("""
                {"model": "tiny", "training_file": "%s", "hyperparameters": {"batch_size": "big"}}"""
                .formatted(file)), 400)).containsEntry("param", "hyperparameters.batch_size");
        assertThat(OpenAiErrors.error(create("""
                {"model": "tiny", "training_file": "%s", "method": {"type": "dpo"}}""".formatted(file)), 400))
                .containsEntry("param", "method.type");
        assertThat(OpenAiErrors.error(create("""
                {"model": "tiny", "training_file": "%s", "method": {"type": "lora", "lora": {"hyperparameters":
                 {"target_modules": ["embed_tokens"]}}}}""".formatted(file)), 400))
                .containsEntry("param", "method.lora.hyperparameters.target_modules");
        assertThat(OpenAiErrors.error(create("""
                {"model": "tiny", "training_file": "%s", "suffix": "has space"}""".formatted(file)), 400))
                .containsEntry("param", "suffix");
        assertThat(OpenAiErrors.error(given().get("/v1/fine_tuning/jobs/ftjob-nope"), 404))
                .containsEntry("param", "fine_tuning_job_id");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
