package dev.aft.eval;

import static dev.aft.eval.EvalTestSupport.assertMetricsFollowFromItems;
import static dev.aft.eval.EvalTestSupport.awaitEvaluations;
import static dev.aft.eval.EvalTestSupport.awaitOne;
import static dev.aft.eval.EvalTestSupport.awaitOutcomes;
import static dev.aft.eval.EvalTestSupport.createExperiment;
import static dev.aft.eval.EvalTestSupport.fetch;
import static dev.aft.eval.EvalTestSupport.lines;
import static dev.aft.eval.EvalTestSupport.plan;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.Topics;
import dev.aft.contracts.events.ContentLink;
import dev.aft.contracts.events.EvaluationCompleted;
import dev.aft.contracts.events.ModelTrained;
import dev.aft.contracts.events.TrainingSetSummary;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.plan.Hyperparameters;
import dev.aft.contracts.plan.SentenceSplitting;
import dev.aft.contracts.plan.TrainingMethod;
import dev.aft.contracts.serde.EventCodec;
import dev.aft.eval.domain.EvaluationIds;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code ModelTrained} in, that model evaluated under its condition; replays that re-read the log make new
 * evaluations linked to the replay and to the original events, and a replay id used twice adds nothing.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = ServicesResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ModelTrainedAndReplayTest {

    @Test
    void aTrainedModelIsEvaluatedUnderItsConditionOnTheDatasetsTests() {
        String experimentId = createExperiment(plan(Condition.FT)).getString("experimentId");
        EventEnvelope<?> datasetCreated = awaitOne(Topics.DATASETS, experimentId);
        EventEnvelope<ModelTrained> trained = publishModelTrained(datasetCreated);

        List<EventEnvelope<?>> outcomes = awaitOutcomes(experimentId, 1, Duration.ofSeconds(1));
        assertThat(outcomes).hasSize(1);
        EvaluationCompleted event = outcomes.get(0).payloadAs(EvaluationCompleted.class);
        assertThat(outcomes.get(0).causationId()).isEqualTo(trained.id());
        assertThat(event.condition()).isEqualTo(Condition.FT);
        assertThat(event.modelId()).isEqualTo(ServicesResource.TINY_FT);
        assertThat(event.evaluationId()).isEqualTo(EvaluationIds.evaluation(trained.id(), Condition.FT).toString());
        assertThat(event.metrics().stream().filter(m -> m.subType() == null).mapToInt(m -> m.n()).sum())
                .isEqualTo(TestData.reversals().tests().size());
        assertMetricsFollowFromItems(lines(fetch(event.itemsContent().url())), event.metrics());
    }

    @Test
    void aReplayMakesNewEvaluationsLinkedToItAndTheSameReplayIdTwiceAddsNothing() {
        String experimentId = createExperiment(plan(Condition.PRETRAINED, Condition.FT)).getString("experimentId");
        EventEnvelope<?> datasetCreated = awaitOne(Topics.DATASETS, experimentId);
        EventEnvelope<ModelTrained> trained = publishModelTrained(datasetCreated);
        List<EventEnvelope<?>> live = awaitOutcomes(experimentId, 2, Duration.ZERO);
        assertThat(live).hasSize(2);

        String replayId = "replay-" + UUID.randomUUID();
        String request = "{\"replayId\": \"" + replayId + "\", \"experimentId\": \"" + experimentId + "\"}";
        given().contentType("application/json").body(request).post("/replays")
                .then().statusCode(202).body("replayId", equalTo(replayId));
        JsonPath replay = awaitDone(replayId);
        assertThat(replay.getList("evaluations.condition", String.class)).containsExactlyInAnyOrder("pretrained", "ft");
        assertThat(replay.getList("evaluations.evaluationId", String.class)).containsExactlyInAnyOrder(
                EvaluationIds.replayedEvaluation(replayId, datasetCreated.id(), Condition.PRETRAINED).toString(),
                EvaluationIds.replayedEvaluation(replayId, trained.id(), Condition.FT).toString());
        assertThat(replay.getInt("evaluationsCompleted")).isEqualTo(2);

        List<EventEnvelope<?>> replayed = awaitEvaluations(e -> e.payload() instanceof EvaluationCompleted c
                && replayId.equals(c.replayOf()), 2, Duration.ZERO);
        assertThat(replayed).extracting(EventEnvelope::causationId)
                .containsExactlyInAnyOrder(datasetCreated.id(), trained.id());
        Set<String> liveIds = live.stream().map(e -> e.payloadAs(EvaluationCompleted.class).evaluationId())
                .collect(Collectors.toSet());
        assertThat(replayed).extracting(e -> e.payloadAs(EvaluationCompleted.class).evaluationId())
                .doesNotContainAnyElementsOf(liveIds);
        // the same model, the same items, the same configuration: the same scores
        assertThat(replayed).extracting(e -> e.payloadAs(EvaluationCompleted.class).itemsContent().sha256())
                .containsExactlyInAnyOrderElementsOf(live.stream()
                        .map(e -> e.payloadAs(EvaluationCompleted.class).itemsContent().sha256()).toList());

        given().contentType("application/json").body(request).post("/replays")
                .then().statusCode(202).body("evaluations.size()", equalTo(2));
        assertThat(awaitEvaluations(e -> e.payload() instanceof EvaluationCompleted c && replayId.equals(c.replayOf()),
                2, Duration.ofSeconds(5))).as("replaying again with the same id adds nothing").hasSize(2);
        assertThat(given().queryParam("replayOf", replayId).get("/evaluations").jsonPath().getList("evaluationId"))
                .hasSize(2);
        assertThat(given().queryParam("experimentId", experimentId).get("/evaluations").jsonPath()
                .getList("evaluationId")).hasSize(4);
    }

    @Test
    void aReplayByTimeRangeAndConditionReEvaluatesOnlyWhatMatches() {
        String experimentId = createExperiment(plan(Condition.PRETRAINED, Condition.ICL)).getString("experimentId");
        EventEnvelope<?> datasetCreated = awaitOne(Topics.DATASETS, experimentId);
        String replayId = "window-" + UUID.randomUUID();
        given().contentType("application/json").body(Map.of("replayId", replayId,
                        "from", datasetCreated.occurredAt().toString(),
                        "to", datasetCreated.occurredAt().plusMillis(1).toString(), "conditions", List.of("pretrained")))
                .post("/replays").then().statusCode(202);
        JsonPath replay = awaitDone(replayId);
        assertThat(replay.getList("evaluations.evaluationId", String.class)).containsExactly(
                EvaluationIds.replayedEvaluation(replayId, datasetCreated.id(), Condition.PRETRAINED).toString());
        assertThat(replay.getList("conditions", String.class)).containsExactly("pretrained");
    }

    @Test
    void badReplayRequestsAndUnknownIdsAreClear4xxAnswers() {
        given().contentType("application/json").body("{}").post("/replays").then().statusCode(400)
                .body("error", equalTo("invalid_request")).body("field", equalTo("experimentId"));
        given().contentType("application/json").body("{\"experimentId\": \"e\", \"conditions\": [\"icl\", \"nope\"]}")
                .post("/replays").then().statusCode(400).body("field", equalTo("conditions[1]"));
        given().contentType("application/json").body("{\"from\": \"yesterday\"}").post("/replays")
                .then().statusCode(400).body("field", equalTo("from"));
        given().contentType("application/json")
                .body("{\"from\": \"2026-01-02T00:00:00Z\", \"to\": \"2026-01-01T00:00:00Z\"}").post("/replays")
                .then().statusCode(400).body("field", equalTo("to"));
        given().contentType("application/json").body("{\"experimentId\": \"e\", \"colour\": 1}").post("/replays")
                .then().statusCode(400).body("field", equalTo("colour"));
        given().contentType("application/json").body("[1").post("/replays").then().statusCode(400);
        given().get("/replays/nothing-here").then().statusCode(404).body("error", equalTo("not_found"));
        given().get("/evaluations/not-a-uuid").then().statusCode(400).body("field", equalTo("id"));
        given().get("/evaluations/" + UUID.randomUUID()).then().statusCode(404).body("error", equalTo("not_found"));
        given().get("/evaluations/" + UUID.randomUUID() + "/items.jsonl").then().statusCode(404);
        given().queryParam("state", "finished").get("/evaluations").then().statusCode(400).body("field", equalTo("state"));
    }

    private static JsonPath awaitDone(String replayId) {
        JsonPath[] last = new JsonPath[1];
        Awaitility.await().atMost(EvalTestSupport.EVALUATION_TIMEOUT).pollInterval(Duration.ofMillis(300)).until(() -> {
            last[0] = given().get("/replays/" + replayId).then().statusCode(200).extract().jsonPath();
            return last[0].getBoolean("done");
        });
        assertThat(last[0].getString("state")).isEqualTo("read");
        return last[0];
    }

    /** What finetune-service will publish once it exists: the model {@code tiny-ft} trained for {@code ft}. */
    private static EventEnvelope<ModelTrained> publishModelTrained(EventEnvelope<?> datasetCreated) {
        String datasetId = ((dev.aft.contracts.events.DatasetCreated) datasetCreated.payload()).datasetId();
        ContentLink training = new ContentLink("http://127.0.0.1:1/runs/run-1/training.jsonl", "0".repeat(64), 1,
                ContentLink.JSONL);
        ModelTrained payload = new ModelTrained("run-" + UUID.randomUUID(), datasetId, ServicesResource.TINY_FT,
                ServicesResource.TINY, Condition.FT, new TrainingSetSummary(12, Map.of("documents", 12),
                SentenceSplitting.NONE, training), new Hyperparameters(10, 2, 1e-3, TrainingMethod.FULL, null, 1),
                0.5, 1000, 2000);
        EventEnvelope<ModelTrained> event = EventEnvelope.of(datasetCreated.experimentId(), datasetCreated.id(),
                "finetune-service", payload);
        EvalTestSupport.publish(Topics.MODELS, event.experimentId(), EventCodec.encode(event));
        return event;
    }
}
