package dev.aft.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.Topics;
import dev.aft.contracts.events.AugmentationCompleted;
import dev.aft.contracts.events.EvaluationCompleted;
import dev.aft.contracts.events.ExperimentReported;
import dev.aft.contracts.events.ModelTrained;
import dev.aft.contracts.plan.AugmentStrategy;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.serde.EventCodec;
import dev.aft.testing.KafkaTestResource;
import dev.aft.testing.TopicReader;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Shared steps of report-service tests: publishing to the real topics, waiting for reports, expected values from the items. */
final class ReportTestSupport {

    static final double EXACT = 1e-12;

    private ReportTestSupport() {
    }

    /** Publishes events to their contract topics, keyed by experiment id, as the producing services do. */
    static void publish(List<EventEnvelope<?>> events) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (EventEnvelope<?> event : events) {
                sent.add(producer.send(new ProducerRecord<>(IsolationResource.topic(event.topic()),
                        event.experimentId(), EventCodec.encode(event))));
            }
            for (java.util.concurrent.Future<?> future : sent) {
                future.get(30, TimeUnit.SECONDS); // a failed send fails the test here, not as a missing report later
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish the events", e);
        }
    }

    static void publish(EventEnvelope<?>... events) {
        publish(List.of(events));
    }

    /** Sends raw bytes to (the test class's name of) a contract topic, as any producer could. */
    static void publishRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(IsolationResource.topic(topic), key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(settings);
    }

    /** The JSON report once {@code until} holds for it. */
    static JsonPath awaitReport(String experimentId, Predicate<JsonPath> until) {
        JsonPath[] last = new JsonPath[1];
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        String[] lastError = new String[1];
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
                var response = given().get("/experiments/" + experimentId + "/report");
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() != 200) {
                    lastError[0] = response.asString();
                    return false;
                }
                last[0] = json(response.asString());
                return until.test(last[0]);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // What the timed-out wait saw: the answers it got, and how far the consumers had read.
            System.err.println("waiting for the report of " + experimentId + " saw HTTP " + statuses
                    + (lastError[0] == null ? "" : ", last error body " + lastError[0]));
            System.err.println("consumer lag: " + IsolationResource.consumerLag());
            if (last[0] != null) {
                System.err.println("last report of " + experimentId + ": " + last[0].prettify());
            }
            throw e;
        }
        return last[0];
    }

    /** Parses JSON keeping doubles exact (RestAssured's default reads them as floats). */
    static JsonPath json(String text) {
        return new JsonPath(text).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    static JsonPath awaitStatus(String experimentId, String status) {
        return awaitReport(experimentId, r -> status.equals(r.getString("status")));
    }

    /** The experiment's {@code ExperimentReported} events, waiting for {@code count} and then {@code settle} more. */
    static List<ExperimentReported> reported(String experimentId, int count, Duration settle) {
        try (TopicReader reader = TopicReader.fromBeginning(IsolationResource.topic(Topics.REPORTS))) {
            return reader.awaitEvents(e -> e.experimentId().equals(experimentId)
                    && e.payload() instanceof ExperimentReported, count, Duration.ofSeconds(60), settle)
                    .stream().map(e -> e.payloadAs(ExperimentReported.class)).toList();
        }
    }

    /** acc, acc_norm, n and chance of one condition on one split, counted from the items themselves. */
    record Expected(int n, double acc, double accStderr, double accNorm, double accNormStderr, double chance) {
        static Expected of(List<Scenario.Item> items, String split) {
            List<Scenario.Item> of = items.stream().filter(i -> i.split().equals(split)).toList();
            int n = of.size();
            double acc = of.stream().filter(i -> i.predicted() == i.answer()).count() / (double) n;
            double accNorm = of.stream().filter(i -> i.predictedNorm() == i.answer()).count() / (double) n;
            double chance = of.stream().mapToDouble(i -> 1.0 / i.options()).average().orElseThrow();
            return new Expected(n, acc, Math.sqrt(acc * (1 - acc) / (n - 1)), accNorm,
                    Math.sqrt(accNorm * (1 - accNorm) / (n - 1)), chance);
        }
    }

    /** Checks every cell of the JSON table against the items and every gap against the cells it subtracts. */
    static void assertTableFollowsFromItems(JsonPath report, Scenario scenario) {
        List<Map<String, Object>> table = report.getList("table");
        List<String> expectedKeys = new ArrayList<>();
        scenario.items.forEach((condition, items) -> Scenario.SPLITS.forEach(split -> {
            expectedKeys.add(condition.wireName() + "/" + split);
            Map<String, Object> cell = cell(table, condition.wireName(), split);
            Expected expected = Expected.of(items, split);
            assertThat(((Number) cell.get("n")).intValue()).isEqualTo(expected.n());
            assertThat(num(cell, "acc")).as("acc %s %s", condition, split).isCloseTo(expected.acc(), within(EXACT));
            assertThat(num(cell, "accStderr")).isCloseTo(expected.accStderr(), within(EXACT));
            assertThat(num(cell, "accNorm")).isCloseTo(expected.accNorm(), within(EXACT));
            assertThat(num(cell, "accNormStderr")).isCloseTo(expected.accNormStderr(), within(EXACT));
            assertThat(num(cell, "chance")).isCloseTo(expected.chance(), within(EXACT));
        }));
        assertThat(table).extracting(c -> c.get("condition") + "/" + c.get("split"))
                .containsExactlyElementsOf(expectedKeys);

        List<Map<String, Object>> gaps = report.getList("gaps");
        List<String> expectedGaps = new ArrayList<>();
        List<Condition[]> pairs = new ArrayList<>();
        pairs.add(new Condition[] {Condition.ICL, Condition.FT});
        for (Condition augmented : List.of(Condition.FT_LOCAL, Condition.FT_GLOBAL)) {
            if (scenario.items.containsKey(augmented)) {
                pairs.add(new Condition[] {augmented, Condition.FT});
                pairs.add(new Condition[] {augmented, Condition.ICL});
            }
        }
        for (Condition[] pair : pairs) {
            if (!scenario.items.containsKey(pair[0]) || !scenario.items.containsKey(pair[1])) {
                continue;
            }
            for (String split : Scenario.SPLITS) {
                String name = pair[0].wireName() + " − " + pair[1].wireName();
                expectedGaps.add(name + "/" + split);
                Expected a = Expected.of(scenario.items.get(pair[0]), split);
                Expected b = Expected.of(scenario.items.get(pair[1]), split);
                Map<String, Object> gap = gaps.stream().filter(g -> name.equals(g.get("name"))
                        && split.equals(g.get("split"))).findFirst().orElseThrow(() -> new AssertionError("no gap " + name));
                assertThat(num(gap, "acc")).isCloseTo(a.acc() - b.acc(), within(EXACT));
                assertThat(num(gap, "accStderr")).isCloseTo(
                        Math.sqrt(a.accStderr() * a.accStderr() + b.accStderr() * b.accStderr()), within(EXACT));
                assertThat(num(gap, "accNorm")).isCloseTo(a.accNorm() - b.accNorm(), within(EXACT));
                assertThat(num(gap, "accNormStderr")).isCloseTo(
                        Math.sqrt(a.accNormStderr() * a.accNormStderr() + b.accNormStderr() * b.accNormStderr()),
                        within(EXACT));
            }
        }
        assertThat(gaps).extracting(g -> g.get("name") + "/" + g.get("split"))
                .containsExactlyInAnyOrderElementsOf(expectedGaps);
    }

    /** Checks each condition's cost against the events that carried it. */
    static void assertCostsFollowFromEvents(JsonPath report, Scenario scenario) {
        List<Map<String, Object>> costs = report.getList("costs");
        for (Condition condition : scenario.items.keySet()) {
            Map<String, Object> cost = costs.stream().filter(c -> condition.wireName().equals(c.get("condition")))
                    .findFirst().orElseThrow();
            long prompt = 0;
            long completion = 0;
            for (AugmentStrategy strategy : condition.augmentations()) {
                AugmentationCompleted augmentation = only(scenario, AugmentationCompleted.class,
                        a -> a.strategy() == strategy);
                prompt += augmentation.tokens().promptTokens();
                completion += augmentation.tokens().completionTokens();
            }
            assertThat(((Number) cost.get("augmentationPromptTokens")).longValue()).isEqualTo(prompt);
            assertThat(((Number) cost.get("augmentationCompletionTokens")).longValue()).isEqualTo(completion);
            if (condition.fineTuned()) {
                ModelTrained trained = only(scenario, ModelTrained.class, t -> t.condition() == condition);
                assertThat(((Number) cost.get("trainingTokens")).longValue()).isEqualTo(trained.tokens());
                assertThat(((Number) cost.get("trainingMillis")).longValue()).isEqualTo(trained.durationMillis());
                assertThat(((Number) cost.get("trainingExamples")).intValue()).isEqualTo(trained.trainingSet().examples());
            } else {
                assertThat(cost).doesNotContainKey("trainingTokens");
            }
            EvaluationCompleted evaluation = only(scenario, EvaluationCompleted.class, e -> e.condition() == condition);
            int queries = scenario.items.get(condition).size();
            assertThat(((Number) cost.get("evaluationPromptTokens")).longValue()).isEqualTo(evaluation.promptTokens());
            assertThat(((Number) cost.get("queries")).intValue()).isEqualTo(queries);
            assertThat(num(cost, "promptTokensPerQuery")).isCloseTo(evaluation.promptTokens() / (double) queries,
                    within(EXACT));
        }
    }

    static <T> T only(Scenario scenario, Class<T> type, Predicate<T> match) {
        List<T> found = scenario.events.stream().map(EventEnvelope::payload).filter(type::isInstance).map(type::cast)
                .filter(match).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    static Map<String, Object> cell(List<Map<String, Object>> table, String condition, String split) {
        return table.stream().filter(c -> condition.equals(c.get("condition")) && split.equals(c.get("split")))
                .findFirst().orElseThrow(() -> new AssertionError("no cell " + condition + "/" + split));
    }

    static double num(Map<String, Object> row, String field) {
        return ((Number) row.get(field)).doubleValue();
    }
}
