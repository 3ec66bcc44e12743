package dev.aft.augment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.plan.AugmentPlan;
import dev.aft.contracts.plan.AugmentStrategy;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.plan.EvaluationPlan;
import dev.aft.contracts.plan.FineTunePlan;
import dev.aft.contracts.plan.IclOptions;
import dev.aft.contracts.plan.ModelChoice;
import dev.aft.contracts.plan.Plan;
import dev.aft.contracts.plan.SentenceSplitting;
import dev.aft.contracts.plan.Hyperparameters;
import dev.aft.contracts.serde.ContractJson;
import dev.aft.testing.TopicReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Creates experiments on the real dataset-service and reads what the services publish. */
final class Experiments {

    private static final ObjectMapper JSON = ContractJson.mapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Experiments() {
    }

    /** A consistent plan that augments with {@code strategies}, on {@code model} at {@code backend}. */
    static Plan plan(String model, String backend, int samples, double temperature, AugmentStrategy... strategies) {
        List<Condition> conditions = new ArrayList<>(List.of(Condition.FT));
        for (AugmentStrategy strategy : strategies) {
            conditions.add(strategy == AugmentStrategy.LOCAL ? Condition.FT_LOCAL : Condition.FT_GLOBAL);
        }
        return new Plan(new ModelChoice(model, backend), new AugmentPlan(List.of(strategies), samples, temperature, 7),
                new FineTunePlan(conditions, SentenceSplitting.INDEPENDENT, Hyperparameters.defaults(), true),
                new EvaluationPlan(List.of(Condition.PRETRAINED)), IclOptions.defaults());
    }

    /** POSTs a generated simple-reversals experiment (the {@link TestWorld} dataset); returns its id. */
    static String generated(String datasetServiceUrl, Plan plan) {
        return post(datasetServiceUrl, Map.of("name", "augment test", "dataset", Map.of("family", "simple-reversals",
                "parameters", TestWorld.REVERSALS, "seed", TestWorld.REVERSALS_SEED), "plan", plan));
    }

    /** POSTs an experiment over uploaded documents; returns its id. */
    static String uploaded(String datasetServiceUrl, Plan plan, List<Map<String, String>> documents) {
        return post(datasetServiceUrl, Map.of("name", "augment upload test", "upload", Map.of("documents", documents),
                "plan", plan));
    }

    private static String post(String baseUrl, Map<String, Object> body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/experiments"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return JSON.readTree(response.body()).path("experimentId").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] get(String url) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Events of one experiment on a topic of this JVM's prefix (e.g. {@code augmentations}). */
    static List<EventEnvelope<?>> await(String topicSuffix, String experimentId, Predicate<EventEnvelope<?>> match,
            int count, Duration timeout, Duration settle) {
        try (TopicReader reader = TopicReader.fromBeginning(Services.topic(topicSuffix))) {
            return reader.awaitEvents(e -> e.experimentId().equals(experimentId) && match.test(e), count, timeout, settle);
        }
    }

    /** The JSONL lines of a body, parsed. */
    static List<JsonNode> lines(byte[] jsonl) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(jsonl, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(json(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        return lines;
    }
}
