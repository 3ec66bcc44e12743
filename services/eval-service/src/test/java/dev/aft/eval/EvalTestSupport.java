package dev.aft.eval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.Topics;
import dev.aft.contracts.events.EvaluationCompleted;
import dev.aft.contracts.events.EvaluationFailed;
import dev.aft.contracts.events.SplitMetrics;
import dev.aft.contracts.plan.AugmentPlan;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.plan.EvaluationPlan;
import dev.aft.contracts.plan.FineTunePlan;
import dev.aft.contracts.plan.Hyperparameters;
import dev.aft.contracts.plan.IclOptions;
import dev.aft.contracts.plan.ModelChoice;
import dev.aft.contracts.plan.Plan;
import dev.aft.contracts.plan.SentenceSplitting;
import dev.aft.contracts.serde.ContractJson;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.TopicReader;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Shared steps of eval-service tests: experiments on the real dataset-service, events, and metrics recomputed by hand. */
final class EvalTestSupport {

    static final Duration EVALUATION_TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalTestSupport() {
    }

    /** A plan on {@code model} at {@code backend} evaluating {@code conditions} (fine-tuned ones are planned for training). */
    static Plan plan(String model, String backend, IclOptions icl, Condition... conditions) {
        List<Condition> trained = Arrays.stream(conditions).filter(c -> c == Condition.FT).toList();
        return new Plan(new ModelChoice(model, backend), new AugmentPlan(List.of(), 1, 0.0, 1),
                new FineTunePlan(trained, SentenceSplitting.NONE, new Hyperparameters(10, 2, 1e-3,
                        dev.aft.contracts.plan.TrainingMethod.FULL, null, 1), true),
                new EvaluationPlan(List.of(conditions)), icl);
    }

    static Plan plan(Condition... conditions) {
        return plan(ServicesResource.TINY, ModelChoice.DEFAULT_BACKEND, IclOptions.defaults(), conditions);
    }

    /** {@code POST /experiments} on the real dataset-service: the test reversals dataset under {@code plan}. */
    static JsonPath createExperiment(Plan plan) {
        return createExperiment(plan, TestData.PARAMETERS);
    }

    static JsonPath createExperiment(Plan plan, Map<String, Object> parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "eval-service test");
        body.put("dataset", Map.of("family", TestData.FAMILY, "parameters", parameters, "seed", TestData.SEED));
        try {
            body.put("plan", ContractJson.mapper().readTree(ContractJson.mapper().writeValueAsString(plan)));
            return given().baseUri(ServicesResource.datasetServiceUrl()).contentType("application/json")
                    .body(JSON.writeValueAsString(body)).post("/experiments")
                    .then().statusCode(201).extract().jsonPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Outcome events ({@code EvaluationCompleted} or {@code EvaluationFailed}) of one experiment, waiting for {@code count}. */
    static List<EventEnvelope<?>> awaitOutcomes(String experimentId, int count, Duration settle) {
        return awaitEvaluations(e -> e.experimentId().equals(experimentId), count, settle);
    }

    static List<EventEnvelope<?>> awaitEvaluations(Predicate<EventEnvelope<?>> match, int count, Duration settle) {
        try (TopicReader reader = TopicReader.fromBeginning(Topics.EVALUATIONS)) {
            return reader.awaitEvents(e -> (e.payload() instanceof EvaluationCompleted
                    || e.payload() instanceof EvaluationFailed) && match.test(e), count, EVALUATION_TIMEOUT, settle);
        }
    }

    /** The one event of the experiment on {@code topic} matching the type. */
    static EventEnvelope<?> awaitOne(String topic, String experimentId) {
        try (TopicReader reader = TopicReader.fromBeginning(topic)) {
            List<EventEnvelope<?>> events = reader.awaitExperiment(experimentId, 1, Duration.ofSeconds(60));
            assertThat(events).as("events of %s on %s", experimentId, topic).hasSize(1);
            return events.get(0);
        }
    }

    /** Sends raw bytes to a topic of the test broker, as any producer could. */
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

    /** GETs a link of this service by its path (the test's port is not the configured public one). */
    static byte[] fetch(String url) {
        return given().get(URI.create(url).getPath()).then().statusCode(200).extract().asByteArray();
    }

    static List<JsonNode> lines(byte[] jsonl) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(jsonl, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return lines;
    }

    /**
     * Recomputes every prediction of {@code items.jsonl} from its option scores (first argmax of the sum, and of
     * the sum per character) and the metrics per split and sub-type from those, independently of the service's
     * code, and checks them against the event's metrics.
     */
    static void assertMetricsFollowFromItems(List<JsonNode> items, List<SplitMetrics> reported) {
        Map<String, List<boolean[]>> groups = new LinkedHashMap<>();
        Map<String, List<Integer>> options = new HashMap<>();
        for (JsonNode item : items) {
            int k = item.get("scores").size();
            int best = 0;
            int bestNorm = 0;
            for (int i = 1; i < k; i++) {
                double score = item.get("scores").get(i).asDouble();
                if (score > item.get("scores").get(best).asDouble()) {
                    best = i;
                }
                double norm = score / item.get("optionChars").get(i).asInt();
                if (norm > item.get("scores").get(bestNorm).asDouble() / item.get("optionChars").get(bestNorm).asInt()) {
                    bestNorm = i;
                }
            }
            int answer = item.get("answer").asInt();
            assertThat(item.get("predicted").asInt()).as("predicted of %s", item.get("id")).isEqualTo(best);
            assertThat(item.get("predictedNorm").asInt()).as("predictedNorm of %s", item.get("id")).isEqualTo(bestNorm);
            assertThat(item.get("correct").asBoolean()).isEqualTo(best == answer);
            assertThat(item.get("correctNorm").asBoolean()).isEqualTo(bestNorm == answer);
            boolean[] outcome = {best == answer, bestNorm == answer};
            List<String> keys = new ArrayList<>(List.of(item.get("split").asText() + "/"));
            if (!item.get("subType").asText().isEmpty()) {
                keys.add(item.get("split").asText() + "/" + item.get("subType").asText());
            }
            for (String key : keys) {
                groups.computeIfAbsent(key, x -> new ArrayList<>()).add(outcome);
                options.computeIfAbsent(key, x -> new ArrayList<>()).add(k);
            }
        }
        assertThat(reported).hasSize(groups.size());
        for (SplitMetrics metrics : reported) {
            String key = metrics.split() + "/" + (metrics.subType() == null ? "" : metrics.subType());
            List<boolean[]> outcomes = groups.get(key);
            assertThat(outcomes).as("items of %s", key).isNotNull();
            int n = outcomes.size();
            double acc = outcomes.stream().filter(o -> o[0]).count() / (double) n;
            double accNorm = outcomes.stream().filter(o -> o[1]).count() / (double) n;
            double stderr = n > 1 ? Math.sqrt(acc * (1 - acc) / (n - 1)) : 0;
            double chance = options.get(key).stream().mapToDouble(o -> 1.0 / o).average().orElseThrow();
            assertThat(metrics.n()).as("n of %s", key).isEqualTo(n);
            assertThat(metrics.acc()).as("acc of %s", key).isCloseTo(acc, within(1e-12));
            assertThat(metrics.accNorm()).as("acc_norm of %s", key).isCloseTo(accNorm, within(1e-12));
            assertThat(metrics.stderr()).as("stderr of %s", key).isCloseTo(stderr, within(1e-12));
            assertThat(metrics.chance()).as("chance of %s", key).isCloseTo(chance, within(1e-12));
        }
    }

    /**
     * One option's continuation score computed directly against model-service, the way lm-eval does it: the
     * context's echoed token count, then the sum of the option prompt's log-probabilities after that many tokens.
     */
    static double directScore(String model, String context, String option) {
        JsonPath contextAnswer = complete(model, context);
        int ctxlen = contextAnswer.getList("choices[0].logprobs.tokens").size();
        JsonPath whole = complete(model, context + " " + option);
        List<Float> logprobs = whole.getList("choices[0].logprobs.token_logprobs", Float.class);
        double sum = 0;
        for (int t = ctxlen; t < logprobs.size(); t++) {
            sum += logprobs.get(t);
        }
        assertThat(logprobs.size()).as("the option adds tokens").isGreaterThan(ctxlen);
        return sum;
    }

    private static JsonPath complete(String model, String prompt) {
        Map<String, Object> body = Map.of("model", model, "prompt", prompt, "echo", true, "logprobs", 1,
                "max_tokens", 0, "temperature", 0);
        return given().baseUri(ServicesResource.modelServiceUrl()).contentType("application/json").body(body)
                .post("/v1/completions").then().statusCode(200).extract().jsonPath();
    }
}
