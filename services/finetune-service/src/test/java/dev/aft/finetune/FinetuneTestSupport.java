package dev.aft.finetune;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.Topics;
import dev.aft.contracts.events.AugmentationCompleted;
import dev.aft.contracts.events.ContentLink;
import dev.aft.contracts.events.ModelTrained;
import dev.aft.contracts.events.TokenUsage;
import dev.aft.contracts.events.TrainingFailed;
import dev.aft.contracts.plan.AugmentPlan;
import dev.aft.contracts.plan.AugmentStrategy;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.plan.EvaluationPlan;
import dev.aft.contracts.plan.FineTunePlan;
import dev.aft.contracts.plan.Hyperparameters;
import dev.aft.contracts.plan.IclOptions;
import dev.aft.contracts.plan.ModelChoice;
import dev.aft.contracts.plan.Plan;
import dev.aft.contracts.plan.SentenceSplitting;
import dev.aft.contracts.plan.TrainingMethod;
import dev.aft.contracts.serde.ContractJson;
import dev.aft.contracts.serde.EventCodec;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.TopicReader;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Shared steps of finetune-service tests: experiments on the real dataset-service, augmentations, events. */
final class FinetuneTestSupport {

    static final Duration TRAINING_TIMEOUT = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();

    private FinetuneTestSupport() {
    }

    /** A plan on the tiny model training {@code conditions} for {@code steps} steps of batch 2, data-matched. */
    static Plan plan(int steps, SentenceSplitting splitting, Condition... conditions) {
        List<AugmentStrategy> strategies = Arrays.stream(conditions).flatMap(c -> c.augmentations().stream())
                .distinct().toList();
        return new Plan(new ModelChoice(ServicesResource.TINY, ModelChoice.DEFAULT_BACKEND),
                new AugmentPlan(strategies, 1, 0.0, 1),
                new FineTunePlan(List.of(conditions), splitting,
                        new Hyperparameters(steps, 2, 1e-3, TrainingMethod.FULL, null, 7), true),
                new EvaluationPlan(List.of(Condition.PRETRAINED)), IclOptions.defaults());
    }

    /** {@code POST /experiments} on the real dataset-service: the test dataset under {@code plan}. */
    static JsonPath createExperiment(Plan plan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "finetune-service test");
        body.put("dataset", Map.of("family", TestData.FAMILY, "parameters", TestData.PARAMETERS, "seed", TestData.SEED));
        try {
            body.put("plan", ContractJson.mapper().readTree(ContractJson.mapper().writeValueAsString(plan)));
            return given().baseUri(ServicesResource.datasetServiceUrl()).contentType("application/json")
                    .body(JSON.writeValueAsString(body)).post("/experiments")
                    .then().statusCode(201).extract().jsonPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Outcome events ({@code ModelTrained} or {@code TrainingFailed}) of one experiment, waiting for {@code count}. */
    static List<EventEnvelope<?>> awaitOutcomes(String experimentId, int count, Duration settle) {
        try (TopicReader reader = TopicReader.fromBeginning(Topics.MODELS)) {
            return reader.awaitEvents(e -> (e.payload() instanceof ModelTrained || e.payload() instanceof TrainingFailed)
                    && e.experimentId().equals(experimentId), count, TRAINING_TIMEOUT, settle);
        }
    }

    /** Serves {@code statements.jsonl} bytes at a local URL, as augment-service would; the link to them. */
    static ContentLink serveStatements(List<String> statements) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < statements.size(); i++) {
            try {
                text.append(JSON.writeValueAsString(Map.of("id", "s" + i, "text", statements.get(i)))).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/statements.jsonl", exchange -> {
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return new ContentLink("http://127.0.0.1:" + server.getAddress().getPort() + "/statements.jsonl",
                    sha256(bytes), bytes.length, ContentLink.JSONL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes an {@code AugmentationCompleted} for the dataset, as augment-service would. */
    static EventEnvelope<AugmentationCompleted> publishAugmentation(String experimentId, String datasetId,
            AugmentStrategy strategy, ContentLink statements) {
        AugmentationCompleted payload = new AugmentationCompleted(UUID.randomUUID().toString(), datasetId, strategy,
                ServicesResource.TINY, Map.of("kept", TestData.LOCAL_STATEMENTS.size()), new TokenUsage(10, 10), 5,
                statements);
        EventEnvelope<AugmentationCompleted> event = EventEnvelope.of(experimentId, null, "augment-service", payload);
        publish(Topics.AUGMENTATIONS, experimentId, EventCodec.encode(event));
        return event;
    }

    static void publish(String topic, String key, byte[] value) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
