package dev.aft.eval;

import static dev.aft.eval.EvalTestSupport.assertMetricsFollowFromItems;
import static dev.aft.eval.EvalTestSupport.awaitOutcomes;
import static dev.aft.eval.EvalTestSupport.createExperiment;
import static dev.aft.eval.EvalTestSupport.directScore;
import static dev.aft.eval.EvalTestSupport.fetch;
import static dev.aft.eval.EvalTestSupport.lines;
import static dev.aft.eval.EvalTestSupport.plan;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.Topics;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.contracts.events.EvaluationCompleted;
import dev.aft.contracts.events.StageProgressed;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.content.ContentFetcher;
import dev.aft.eval.domain.EvaluationIds;
import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.TestItem;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresTestResource;
import dev.aft.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code DatasetCreated} from the real dataset-service in, {@code EvaluationCompleted} out for the
 * {@code pretrained} and {@code icl} conditions, scored by the real model-service; metrics recomputed from the
 * served per-item scores, and one item's option scores recomputed with direct completions calls.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = ServicesResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class DatasetCreatedEvaluationTest {

    @Test
    void pretrainedAndInContextEvaluationsCompleteWithMetricsThatFollowFromTheirItems() {
        JsonPath created = createExperiment(plan(Condition.PRETRAINED, Condition.ICL));
        String experimentId = created.getString("experimentId");
        List<EventEnvelope<?>> outcomes = awaitOutcomes(experimentId, 2, Duration.ofSeconds(1));
        assertThat(outcomes).as("outcomes of %s", experimentId).hasSize(2)
                .allSatisfy(e -> assertThat(e.payload()).isInstanceOf(EvaluationCompleted.class));
        Map<Condition, EvaluationCompleted> byCondition = outcomes.stream().map(e -> e.payloadAs(EvaluationCompleted.class))
                .collect(Collectors.toMap(EvaluationCompleted::condition, Function.identity()));
        assertThat(byCondition).containsOnlyKeys(Condition.PRETRAINED, Condition.ICL);

        Dataset dataset = TestData.reversals();
        for (EventEnvelope<?> envelope : outcomes) {
            EvaluationCompleted event = envelope.payloadAs(EvaluationCompleted.class);
            assertThat(envelope.causationId().toString()).isEqualTo(created.getString("eventId"));
            assertThat(event.evaluationId()).isEqualTo(
                    EvaluationIds.evaluation(envelope.causationId(), event.condition()).toString());
            assertThat(event.modelId()).isEqualTo(ServicesResource.TINY);
            assertThat(event.datasetId()).isEqualTo(created.getString("datasetId"));
            assertThat(event.replayOf()).isNull();
            byte[] items = fetch(event.itemsContent().url());
            assertThat(ContentFetcher.sha256(items)).isEqualTo(event.itemsContent().sha256());
            assertThat((long) items.length).isEqualTo(event.itemsContent().bytes());
            List<JsonNode> lines = lines(items);
            assertThat(lines).extracting(l -> l.get("id").asText())
                    .containsExactlyElementsOf(dataset.tests().stream().map(TestItem::id).toList());
            assertThat(lines).extracting(l -> l.get("answer").asInt())
                    .containsExactlyElementsOf(dataset.tests().stream().map(TestItem::correct).toList());
            assertMetricsFollowFromItems(lines, event.metrics());
            assertThat(event.metrics().get(0).chance()).isEqualTo(0.5);
        }

        // one item, scored again by hand against model-service: no context, then the documents in context
        TestItem item = dataset.tests().get(0);
        JsonNode pretrained = lines(fetch(byCondition.get(Condition.PRETRAINED).itemsContent().url())).get(0);
        JsonNode icl = lines(fetch(byCondition.get(Condition.ICL).itemsContent().url())).get(0);
        String documents = dataset.documents().stream().map(Document::text).collect(Collectors.joining("\n"));
        String iclContext = TestData.INSTRUCTION + "\n\n" + documents + "\n\n" + item.prefix();
        for (int i = 0; i < item.options().size(); i++) {
            assertThat(pretrained.get("scores").get(i).asDouble()).as("pretrained option %d", i)
                    .isCloseTo(directScore(ServicesResource.TINY, item.prefix(), item.options().get(i)), within(1e-4));
            assertThat(icl.get("scores").get(i).asDouble()).as("icl option %d", i)
                    .isCloseTo(directScore(ServicesResource.TINY, iclContext, item.options().get(i)), within(1e-4));
            assertThat(pretrained.get("optionChars").get(i).asInt()).isEqualTo(item.options().get(i).length());
        }

        // the REST view: what the in-context condition held and cost
        JsonPath iclView = given().get("/evaluations/" + byCondition.get(Condition.ICL).evaluationId())
                .then().statusCode(200).extract().jsonPath();
        assertThat(iclView.getString("state")).isEqualTo("completed");
        assertThat(iclView.getString("context.selection")).isEqualTo("all");
        assertThat(iclView.getInt("context.documents")).isEqualTo(dataset.documents().size());
        assertThat(iclView.getInt("context.tokens")).isGreaterThan(dataset.documents().size() * 5);
        assertThat(iclView.getList("metrics[0].acc95", Float.class)).hasSize(2);
        assertThat(byCondition.get(Condition.ICL).promptTokens())
                .as("the in-context cost: every prompt carries the documents")
                .isGreaterThan(byCondition.get(Condition.PRETRAINED).promptTokens()
                        + (long) iclView.getInt("context.tokens") * dataset.tests().size());
        List<String> listed = given().queryParam("experimentId", experimentId).get("/evaluations")
                .then().statusCode(200).extract().jsonPath().getList("condition", String.class);
        assertThat(listed).containsExactlyInAnyOrder("pretrained", "icl");

        try (TopicReader progress = TopicReader.fromBeginning(Topics.PROGRESS)) {
            List<EventEnvelope<?>> finals = progress.awaitEvents(e -> e.experimentId().equals(experimentId)
                    && e.payload() instanceof StageProgressed p && p.done() == p.total(), 2, Duration.ofSeconds(10),
                    Duration.ZERO);
            assertThat(finals).extracting(e -> e.payloadAs(StageProgressed.class).total())
                    .containsOnly((long) dataset.tests().size());
        }
    }

    @Test
    void aRedeliveredDatasetCreatedCreatesNothingNew() {
        String experimentId = createExperiment(plan(Condition.PRETRAINED)).getString("experimentId");
        assertThat(awaitOutcomes(experimentId, 1, Duration.ZERO)).hasSize(1);
        byte[] original;
        try (TopicReader datasets = TopicReader.fromBeginning(Topics.DATASETS)) {
            datasets.awaitExperiment(experimentId, 1, Duration.ofSeconds(30));
            original = datasets.records().stream().filter(r -> experimentId.equals(r.key())).findFirst().orElseThrow().value();
        }
        assertThat(dev.aft.contracts.serde.EventCodec.decode(original).payload()).isInstanceOf(DatasetCreated.class);

        EvalTestSupport.publish(Topics.DATASETS, experimentId, original);

        assertThat(awaitOutcomes(experimentId, 1, Duration.ofSeconds(6))).as("still one outcome").hasSize(1);
        assertThat(given().queryParam("experimentId", experimentId).get("/evaluations").then().statusCode(200)
                .extract().jsonPath().getList("evaluationId")).hasSize(1);
    }
}
