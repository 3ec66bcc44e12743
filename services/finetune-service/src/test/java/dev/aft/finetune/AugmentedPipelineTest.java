package dev.aft.finetune;

import static dev.aft.finetune.FinetuneTestSupport.plan;
import static dev.aft.finetune.FinetuneTestSupport.sha256;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.Topics;
import dev.aft.contracts.events.AugmentationCompleted;
import dev.aft.contracts.events.ModelTrained;
import dev.aft.contracts.events.TrainingFailed;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.plan.SentenceSplitting;
import dev.aft.contracts.serde.ContractJson;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresTestResource;
import dev.aft.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The real chain: dataset-service's {@code DatasetCreated} reaches the real augment-service, which writes local
 * statements with the tiny model on model-service; its {@code AugmentationCompleted} makes this service train
 * {@code ft+local} on the documents plus exactly those statements, and publish one {@code ModelTrained}.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = AugmentServiceResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AugmentedPipelineTest {

    @Test
    void theRealAugmentServicesStatementsAreTrainedOnAsTheirOwnExamples() throws Exception {
        String prefix = System.getProperty(AugmentServiceResource.PREFIX_PROPERTY);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "finetune-service end to end");
        body.put("dataset", Map.of("family", TestData.FAMILY, "parameters", TestData.PARAMETERS, "seed", TestData.SEED));
        body.put("plan", ContractJson.mapper().readTree(ContractJson.mapper().writeValueAsString(
                plan(4, SentenceSplitting.NONE, Condition.FT_LOCAL))));
        String experimentId = given().baseUri(System.getProperty(AugmentServiceResource.DATASET_PROPERTY))
                .contentType("application/json").body(new ObjectMapper().writeValueAsString(body))
                .post("/experiments").then().statusCode(201).extract().jsonPath().getString("experimentId");

        AugmentationCompleted augmentation;
        try (TopicReader reader = TopicReader.fromBeginning(Topics.withPrefix(prefix, Topics.AUGMENTATIONS))) {
            List<EventEnvelope<?>> events = reader.awaitExperiment(experimentId, 1, Duration.ofSeconds(240));
            assertThat(events).as("augmentations of %s", experimentId).hasSize(1);
            augmentation = events.get(0).payloadAs(AugmentationCompleted.class);
        }
        byte[] statements = given().get(augmentation.statementsContent().url()).then().statusCode(200).extract()
                .asByteArray();
        long statementLines = Arrays.stream(new String(statements, StandardCharsets.UTF_8).split("\n"))
                .filter(l -> !l.isBlank()).count();

        List<EventEnvelope<?>> outcomes;
        try (TopicReader reader = TopicReader.fromBeginning(Topics.withPrefix(prefix, Topics.MODELS))) {
            outcomes = reader.awaitEvents(e -> e.experimentId().equals(experimentId)
                    && (e.payload() instanceof ModelTrained || e.payload() instanceof TrainingFailed), 1,
                    FinetuneTestSupport.TRAINING_TIMEOUT, Duration.ofSeconds(3));
        }
        assertThat(outcomes).hasSize(1);
        ModelTrained trained = outcomes.get(0).payloadAs(ModelTrained.class);
        assertThat(trained.condition()).isEqualTo(Condition.FT_LOCAL);
        assertThat(trained.trainingSet().examplesBySource()).containsOnly(
                Map.entry("documents", TestData.reversals().documents().size()),
                Map.entry("local", (int) statementLines));
        byte[] jsonl = given().get(URI.create(trained.trainingSet().content().url()).getPath()).then().statusCode(200)
                .extract().asByteArray();
        assertThat(sha256(jsonl)).isEqualTo(trained.trainingSet().content().sha256());
    }
}
