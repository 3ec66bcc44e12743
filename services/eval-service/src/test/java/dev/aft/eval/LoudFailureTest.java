package dev.aft.eval;

import static dev.aft.eval.EvalTestSupport.awaitOne;
import static dev.aft.eval.EvalTestSupport.awaitOutcomes;
import static dev.aft.eval.EvalTestSupport.createExperiment;
import static dev.aft.eval.EvalTestSupport.plan;
import static dev.aft.eval.EvalTestSupport.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.Topics;
import dev.aft.contracts.events.ContentLink;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.contracts.events.EvaluationCompleted;
import dev.aft.contracts.events.EvaluationFailed;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.plan.IclContext;
import dev.aft.contracts.plan.IclOptions;
import dev.aft.contracts.plan.ModelChoice;
import dev.aft.contracts.serde.EventCodec;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresTestResource;
import dev.aft.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * What must never turn into a score: a backend without prompt log-probabilities, content that is not what the
 * event announced, a context that does not fit; and a record that is not an event, which goes to the
 * dead-letter topic while the consumer carries on.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = ServicesResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class LoudFailureTest {

    @Test
    void aBackendWithoutPromptLogprobsFailsTheEvaluationInsteadOfScoringIt() {
        String experimentId = createExperiment(plan(ServicesResource.TINY, "no-logprobs", IclOptions.defaults(),
                Condition.PRETRAINED)).getString("experimentId");
        EvaluationFailed failed = onlyFailure(experimentId);
        assertThat(failed.reason()).contains("no prompt log-probabilities").contains("logprobs is null");
        JsonPath view = given().get("/evaluations/" + failed.evaluationId()).then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("state")).isEqualTo("failed");
        assertThat(view.getString("error")).isEqualTo(failed.reason());
        assertThat(view.getList("metrics")).isNull();
        given().get("/evaluations/" + failed.evaluationId() + "/items.jsonl").then().statusCode(404);
    }

    @Test
    void contentThatIsNotWhatTheEventAnnouncedFailsTheEvaluationNamingTheLink() {
        String experimentId = createExperiment(plan(Condition.PRETRAINED)).getString("experimentId");
        EventEnvelope<?> original = awaitOne(Topics.DATASETS, experimentId);
        DatasetCreated dataset = original.payloadAs(DatasetCreated.class);
        ContentLink tests = dataset.testsContent();

        String tampered = forge(dataset, new ContentLink(tests.url(), "ab".repeat(32), tests.bytes(), tests.mediaType()));
        String broken = forge(dataset, new ContentLink(tests.url().replace(dataset.datasetId(), "ds-gone"),
                tests.sha256(), tests.bytes(), tests.mediaType()));

        EvaluationFailed mismatch = onlyFailure(tampered);
        assertThat(mismatch.reason()).contains(tests.url()).contains("sha256 " + tests.sha256())
                .contains("announced " + tests.bytes() + " bytes with sha256 " + "ab".repeat(32));
        assertThat(onlyFailure(broken).reason()).contains("ds-gone/tests.jsonl is broken: HTTP 404");
        assertThat(awaitOutcomes(experimentId, 1, Duration.ZERO)).as("the genuine event still evaluates")
                .allMatch(e -> e.payload() instanceof EvaluationCompleted);
    }

    @Test
    void inContextDocumentsThatDoNotFitTheModelFailInsteadOfBeingTruncated() {
        String experimentId = createExperiment(plan(ServicesResource.TINY_SHORT, ModelChoice.DEFAULT_BACKEND,
                IclOptions.defaults(), Condition.ICL)).getString("experimentId");
        assertThat(onlyFailure(experimentId).reason()).contains("does not fit").contains("refusing to truncate")
                .contains("context of " + ServicesResource.SHORT_CONTEXT + " tokens");
    }

    @Test
    void aSubsampleOfTheDocumentsFitsWhereAllDoNot() {
        String experimentId = createExperiment(plan(ServicesResource.TINY_SHORT, ModelChoice.DEFAULT_BACKEND,
                new IclOptions(IclContext.SUBSAMPLE, 6, 5), Condition.ICL)).getString("experimentId");
        List<EventEnvelope<?>> outcomes = awaitOutcomes(experimentId, 1, Duration.ZERO);
        assertThat(outcomes.get(0).payload()).as("%s", outcomes.get(0).payload()).isInstanceOf(EvaluationCompleted.class);
        JsonPath view = given().get("/evaluations/" + outcomes.get(0).payloadAs(EvaluationCompleted.class).evaluationId())
                .then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("context.selection")).isEqualTo("subsample");
        assertThat(view.getInt("context.documents")).isEqualTo(TestData.reversals().documents().size() / 6);
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String key = "poison-" + UUID.randomUUID();
        byte[] poison = "{\"this\": \"is not an event\"}".getBytes(StandardCharsets.UTF_8);
        publish(Topics.DATASETS, key, poison);
        ConsumerRecord<String, byte[]> dead;
        try (TopicReader dlq = TopicReader.fromBeginning(Topics.deadLetter(Topics.DATASETS))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<ConsumerRecord<String, byte[]>> records = List.of();
            while (System.nanoTime() < deadline && records.stream().noneMatch(r -> key.equals(r.key()))) {
                dlq.awaitEvents(e -> false, 1, Duration.ofMillis(500), Duration.ZERO);
                records = dlq.records();
            }
            dead = records.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        }
        assertThat(dead.value()).isEqualTo(poison);
        Header reason = dead.headers().lastHeader("dead-letter-reason");
        assertThat(reason).isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("type: is required");

        String experimentId = createExperiment(plan(Condition.PRETRAINED)).getString("experimentId");
        assertThat(awaitOutcomes(experimentId, 1, Duration.ZERO)).as("the next event is still evaluated")
                .hasSize(1).allMatch(e -> e.payload() instanceof EvaluationCompleted);
    }

    /** Publishes a copy of the dataset's event under a new experiment and dataset id, with other test content. */
    private static String forge(DatasetCreated dataset, ContentLink tests) {
        String experimentId = "exp-forged-" + UUID.randomUUID();
        DatasetCreated forged = new DatasetCreated("ds-forged-" + UUID.randomUUID(), dataset.family(), dataset.spec(),
                dataset.documents(), dataset.testsPerSplit(), dataset.plan(), dataset.documentsContent(), tests);
        publish(Topics.DATASETS, experimentId, EventCodec.encode(EventEnvelope.of(experimentId, null, "someone", forged)));
        return experimentId;
    }

    private static EvaluationFailed onlyFailure(String experimentId) {
        List<EventEnvelope<?>> outcomes = awaitOutcomes(experimentId, 1, Duration.ofMillis(500));
        assertThat(outcomes).as("outcomes of %s", experimentId).hasSize(1);
        assertThat(outcomes.get(0).payload()).as("%s", outcomes.get(0).payload()).isInstanceOf(EvaluationFailed.class);
        return outcomes.get(0).payloadAs(EvaluationFailed.class);
    }
}
