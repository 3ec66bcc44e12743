package dev.aft.finetune;

import static dev.aft.finetune.FinetuneTestSupport.awaitOutcomes;
import static dev.aft.finetune.FinetuneTestSupport.createExperiment;
import static dev.aft.finetune.FinetuneTestSupport.plan;
import static dev.aft.finetune.FinetuneTestSupport.publishAugmentation;
import static dev.aft.finetune.FinetuneTestSupport.serveStatements;
import static dev.aft.finetune.FinetuneTestSupport.sha256;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.Topics;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.contracts.events.ModelTrained;
import dev.aft.contracts.plan.AugmentStrategy;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.plan.SentenceSplitting;
import dev.aft.contracts.serde.EventCodec;
import dev.aft.finetune.domain.RunIds;
import dev.aft.finetune.domain.TrainingSet;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresTestResource;
import dev.aft.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code DatasetCreated} from the real dataset-service and an {@code AugmentationCompleted} in, one
 * {@code ModelTrained} per planned condition out, trained by the real model-service on a tiny model: the
 * training sets are served with the event's sha256 and the right composition, and the models answer.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = ServicesResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class FineTuningPipelineTest {

    private static final int STEPS = 6;

    @Test
    void baselineAndLocalAugmentedConditionsEachTrainOneModelOnTheirOwnTrainingSet() {
        String experimentId = createExperiment(plan(STEPS, SentenceSplitting.INDEPENDENT, Condition.FT,
                Condition.FT_LOCAL)).getString("experimentId");
        EventEnvelope<?> datasetEvent;
        try (TopicReader datasets = TopicReader.fromBeginning(Topics.DATASETS)) {
            datasetEvent = datasets.awaitExperiment(experimentId, 1, Duration.ofSeconds(60)).get(0);
        }
        DatasetCreated dataset = datasetEvent.payloadAs(DatasetCreated.class);
        publishAugmentation(experimentId, dataset.datasetId(), AugmentStrategy.LOCAL,
                serveStatements(TestData.LOCAL_STATEMENTS));
        // a redelivered DatasetCreated and a second local augmentation of the dataset create no further runs
        FinetuneTestSupport.publish(Topics.DATASETS, experimentId, EventCodec.encode(datasetEvent));
        publishAugmentation(experimentId, dataset.datasetId(), AugmentStrategy.LOCAL,
                serveStatements(TestData.LOCAL_STATEMENTS));

        List<EventEnvelope<?>> outcomes = awaitOutcomes(experimentId, 2, Duration.ofSeconds(3));
        assertThat(outcomes).as("outcomes of %s", experimentId).hasSize(2)
                .allSatisfy(e -> assertThat(e.payload()).isInstanceOf(ModelTrained.class));
        Map<Condition, ModelTrained> byCondition = outcomes.stream().map(e -> e.payloadAs(ModelTrained.class))
                .collect(Collectors.toMap(ModelTrained::condition, Function.identity()));
        assertThat(byCondition).containsOnlyKeys(Condition.FT, Condition.FT_LOCAL);

        int documentExamples = TrainingSet.documentExamples(TestData.reversals().documents(),
                SentenceSplitting.INDEPENDENT).size();
        ModelTrained ft = byCondition.get(Condition.FT);
        assertThat(ft.trainingSet().examplesBySource()).containsExactly(Map.entry("documents", documentExamples));
        ModelTrained local = byCondition.get(Condition.FT_LOCAL);
        assertThat(local.trainingSet().examplesBySource()).containsOnly(Map.entry("documents", documentExamples),
                Map.entry("local", TestData.LOCAL_STATEMENTS.size()));

        for (ModelTrained trained : byCondition.values()) {
            assertThat(trained.runId()).isEqualTo(RunIds.run(dataset.datasetId(), trained.condition()).toString());
            assertThat(trained.datasetId()).isEqualTo(dataset.datasetId());
            assertThat(trained.baseModel()).isEqualTo(ServicesResource.TINY);
            assertThat(trained.hyperparameters().steps()).as("data-matched steps").isEqualTo(STEPS);
            assertThat(trained.hyperparameters().batchSize()).isEqualTo(2);
            assertThat(trained.trainingSet().splitting()).isEqualTo(SentenceSplitting.INDEPENDENT);
            assertThat(trained.tokens()).isPositive();

            byte[] jsonl = given().get(URI.create(trained.trainingSet().content().url()).getPath())
                    .then().statusCode(200).extract().asByteArray();
            assertThat(sha256(jsonl)).isEqualTo(trained.trainingSet().content().sha256());
            assertThat((long) jsonl.length).isEqualTo(trained.trainingSet().content().bytes());
            assertThat(new String(jsonl, StandardCharsets.UTF_8).split("\n")).hasSize(trained.trainingSet().examples());

            JsonPath run = given().get("/runs/" + trained.runId()).then().statusCode(200).extract().jsonPath();
            assertThat(run.getString("state")).isEqualTo("succeeded");
            assertThat(run.getString("modelId")).isEqualTo(trained.modelId());
            assertThat(run.getList("lossCurve")).isNotEmpty();
            assertThat(run.getDouble("finalLoss")).isCloseTo(trained.finalLoss(), org.assertj.core.api.Assertions.within(1e-5));

            // the model exists on model-service and answers completions
            JsonPath completion = given().baseUri(ServicesResource.modelServiceUrl()).contentType("application/json")
                    .body(Map.of("model", trained.modelId(), "prompt", "alpha", "max_tokens", 2))
                    .post("/v1/completions").then().statusCode(200).extract().jsonPath();
            assertThat(completion.getList("choices")).hasSize(1);

            // one job per run on the backend
            List<String> suffixes = given().baseUri(ServicesResource.modelServiceUrl())
                    .get("/v1/fine_tuning/jobs?limit=100").then().statusCode(200).extract().jsonPath()
                    .getList("data.user_provided_suffix", String.class);
            assertThat(suffixes).filteredOn(s -> RunIds.jobSuffix(java.util.UUID.fromString(trained.runId())).equals(s))
                    .hasSize(1);
        }
        assertThat(given().queryParam("experimentId", experimentId).get("/runs").then().statusCode(200)
                .extract().jsonPath().getList("id")).hasSize(2);
    }

    @Test
    void unknownRunsAndBadIdsAreClearErrors() {
        given().get("/runs/" + java.util.UUID.randomUUID()).then().statusCode(404);
        given().get("/runs/not-a-uuid").then().statusCode(400);
        given().get("/runs/" + java.util.UUID.randomUUID() + "/training.jsonl").then().statusCode(404);
    }
}
