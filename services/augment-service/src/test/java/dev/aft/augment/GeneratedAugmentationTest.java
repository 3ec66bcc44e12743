package dev.aft.augment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aft.augment.domain.Normalized;
import dev.aft.augment.domain.StatementsJsonl;
import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.events.AugmentationCompleted;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.contracts.events.StageProgressed;
import dev.aft.contracts.plan.AugmentStrategy;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.PostgresTestResource;
import dev.aft.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * DatasetCreated in, AugmentationCompleted out, for both strategies on a generated simple-reversals dataset,
 * against the real broker, database, dataset-service and model-service (a tiny random model: most of what it
 * writes is dropped, so the test checks that everything is accounted for, not quality).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = ServicesResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class GeneratedAugmentationTest {

    private static final Logger LOG = Logger.getLogger(GeneratedAugmentationTest.class);

    @Test
    void aGeneratedDatasetGetsOneCompletedRunPerStrategyAndARedeliveryChangesNothing() throws Exception {
        String experimentId = Experiments.generated(Services.datasetServiceUrl(),
                Experiments.plan(TinyModel.ID, "model-service", 2, 1.0, AugmentStrategy.LOCAL, AugmentStrategy.GLOBAL));

        List<EventEnvelope<?>> completed = Experiments.await("augmentations", experimentId,
                e -> e.payload() instanceof AugmentationCompleted, 2, Duration.ofSeconds(240), Duration.ofSeconds(1));
        assertThat(completed).as("AugmentationCompleted events").hasSize(2);
        for (EventEnvelope<?> event : completed) {
            assertThat(event.producer()).isEqualTo("augment-service");
            checkRun(event.payloadAs(AugmentationCompleted.class));
        }
        assertThat(completed.stream().map(e -> e.payloadAs(AugmentationCompleted.class).strategy()))
                .containsExactlyInAnyOrder(AugmentStrategy.LOCAL, AugmentStrategy.GLOBAL);

        List<EventEnvelope<?>> progress = Experiments.await("progress", experimentId,
                e -> e.payload() instanceof StageProgressed p && p.done() == p.total() && p.total() > 0, 2,
                Duration.ofSeconds(10), Duration.ZERO);
        assertThat(progress).as("final progress of both runs").hasSizeGreaterThanOrEqualTo(2);

        redeliver(experimentId);
        assertThat(Experiments.await("augmentations", experimentId, e -> true, 3, Duration.ofSeconds(8),
                Duration.ZERO)).as("no event after the redelivery").hasSize(2);
        assertThat(given().queryParam("experimentId", experimentId).get("/augmentations").then().statusCode(200)
                .extract().jsonPath().getList("augmentationId")).hasSize(2);
    }

    private static void checkRun(AugmentationCompleted event) {
        JsonPath run = given().get("/augmentations/" + event.augmentationId()).then().statusCode(200).extract().jsonPath();
        LOG.infof("%s run: %s", event.strategy().wireName(), run.prettify());
        Map<String, Integer> counts = run.getMap("counts", String.class, Integer.class);
        assertThat(run.getString("state")).isEqualTo("completed");
        assertThat(counts).as("the event carries the run's counts").isEqualTo(event.counts());
        int prompts = counts.get("prompts");
        assertThat(prompts).isEqualTo(30);
        assertThat(counts.get("plannedOutputs")).isEqualTo(prompts * 2);
        assertThat(counts.get("outputs") + counts.get("overContextOutputs")).isEqualTo(counts.get("plannedOutputs"));
        assertThat(counts.get("candidates")).isEqualTo(counts.get("droppedEcho") + counts.get("droppedNotStatement")
                + counts.get("droppedDuplicateOfSource") + counts.get("droppedDuplicate") + counts.get("kept"));
        assertThat(counts.get("outputs")).as("outputs the model wrote").isPositive();
        assertThat(event.tokens().promptTokens()).isPositive();
        assertThat(event.tokens().completionTokens()).isPositive();
        assertThat(run.getLong("tokens.promptTokens")).isEqualTo(event.tokens().promptTokens());
        assertThat(run.getLong("durationMillis")).isEqualTo(event.durationMillis());
        assertThat(event.model()).isEqualTo(TinyModel.ID);
        assertThat(run.getString("groundTruth")).contains("rebuilt simple-reversals world");
        assertThat(counts).containsEntry("reversalTargets", 10).containsEntry("twoStepTargets", 0);

        // fetched by path from this test's port (the link names the configured public base URL)
        byte[] statements = given().get(URI.create(event.statementsContent().url()).getPath()).then().statusCode(200)
                .extract().asByteArray();
        assertThat(StatementsJsonl.sha256(statements)).isEqualTo(event.statementsContent().sha256());
        assertThat((long) statements.length).isEqualTo(event.statementsContent().bytes());
        List<JsonNode> lines = Experiments.lines(statements);
        assertThat(lines).hasSize(counts.get("kept"));
        Set<String> ids = new HashSet<>();
        Set<String> texts = new HashSet<>();
        String strategy = event.strategy().wireName();
        for (JsonNode line : lines) {
            assertThat(ids.add(line.path("id").asText())).as("unique ids").isTrue();
            assertThat(texts.add(Normalized.of(line.path("text").asText()))).as("no duplicate statement").isTrue();
            assertThat(line.path("strategy").asText()).isEqualTo(strategy);
            assertThat(line.path("promptId").asText()).startsWith(strategy + ":");
            assertThat(line.path("sample").asInt()).isBetween(0, 1);
            assertThat(line.path("source").path("documentIds").size()).isEqualTo(1);
            assertThat(line.path("source").has("sentenceIndex")).isEqualTo(event.strategy() == AugmentStrategy.LOCAL);
            assertThat(line.path("trueInWorld").isBoolean()).isTrue();
        }
        if (event.strategy() == AugmentStrategy.LOCAL) {
            assertThat(run.getDouble("coverage")).isBetween(0.0, 1.0);
            assertThat(run.getString("coverageOf")).isEqualTo("reversals");
        } else {
            assertThat(run.getString("coverage")).as("no two-step conclusions in a reversals world").isNull();
            assertThat(run.getInt("context.contextLength")).isEqualTo(TinyModel.CONTEXT);
            assertThat(run.getString("context.tokensPerByteSource")).isEqualTo("usage");
            assertThat(run.getInt("context.documentsMax")).isLessThanOrEqualTo(29);
            List<JsonNode> outputs = Experiments.lines(given().get("/augmentations/" + event.augmentationId()
                    + "/outputs.jsonl").then().statusCode(200).extract().asByteArray());
            assertThat(outputs).hasSize(counts.get("plannedOutputs"));
            int limited = run.getInt("context.limitedPrompts");
            assertThat(limited).as("the 30-document corpus exceeds the tiny model's context").isPositive();
            assertThat(outputs.stream().filter(o -> o.has("contextDocumentIds")).map(o -> o.path("promptId").asText())
                    .distinct().count()).isEqualTo(limited);
            outputs.stream().filter(o -> o.has("contextDocumentIds")).forEach(o ->
                    assertThat(o.path("contextDocumentIds").size()).isEqualTo(o.path("contextDocuments").asInt()));
        }
    }

    /** Publishes the experiment's DatasetCreated record again, byte for byte. */
    private static void redeliver(String experimentId) throws Exception {
        ConsumerRecord<String, byte[]> original;
        try (TopicReader reader = TopicReader.fromBeginning(Services.topic("datasets"))) {
            List<EventEnvelope<?>> events = reader.awaitExperiment(experimentId, 1, Duration.ofSeconds(10));
            assertThat(events).hasSize(1);
            assertThat(events.get(0).payload()).isInstanceOf(DatasetCreated.class);
            original = reader.records().stream().filter(r -> experimentId.equals(r.key())).findFirst().orElseThrow();
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(Services.topic("datasets"), original.key(), original.value())).get();
        }
    }
}
