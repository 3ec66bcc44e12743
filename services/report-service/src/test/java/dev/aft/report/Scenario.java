package dev.aft.report;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.EventPayload;
import dev.aft.contracts.events.AugmentationCompleted;
import dev.aft.contracts.events.AugmentationFailed;
import dev.aft.contracts.events.ContentLink;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.contracts.events.EvaluationCompleted;
import dev.aft.contracts.events.EvaluationFailed;
import dev.aft.contracts.events.GeneratorSpec;
import dev.aft.contracts.events.ModelTrained;
import dev.aft.contracts.events.SplitMetrics;
import dev.aft.contracts.events.Stage;
import dev.aft.contracts.events.StageProgressed;
import dev.aft.contracts.events.TokenUsage;
import dev.aft.contracts.events.TrainingSetSummary;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A whole experiment as the pipeline's services would publish it: {@code DatasetCreated} with a plan (local and
 * global augmentation; {@code ft}, {@code ft+local}, {@code ft+global} trained; five conditions evaluated on two
 * splits), each stage's outcome, progress, and per-item scores served as {@code items.jsonl} with metrics
 * computed from them as eval-service would. Random but seeded; the items are the ground truth the tests check
 * the report against.
 */
final class Scenario {

    static final List<String> SPLITS = List.of("forward", "reversed");
    static final List<Condition> EVALUATED = List.of(Condition.PRETRAINED, Condition.ICL, Condition.FT,
            Condition.FT_LOCAL, Condition.FT_GLOBAL);
    static final List<Condition> TRAINED = List.of(Condition.FT, Condition.FT_LOCAL, Condition.FT_GLOBAL);
    static final int ITEMS_PER_SPLIT = 24;

    /** One test item's outcome under one condition. */
    record Item(String id, String split, String subType, int options, int answer, int predicted, int predictedNorm) {
        boolean correct() {
            return predicted == answer;
        }

        boolean correctNorm() {
            return predictedNorm == answer;
        }
    }

    final String experimentId = "exp-report-" + UUID.randomUUID();
    final String datasetId = "ds-" + UUID.randomUUID();
    final Instant start;
    final Plan plan;
    final Map<Condition, List<Item>> items = new LinkedHashMap<>();
    final List<EventEnvelope<?>> events = new ArrayList<>();
    private final Random random;
    private int clock;

    Scenario(long seed, Instant start) {
        this.random = new Random(seed);
        this.start = start.truncatedTo(ChronoUnit.MILLIS);
        Hyperparameters hyperparameters = new Hyperparameters(10, 2, 1e-3, TrainingMethod.FULL, null, 1);
        this.plan = new Plan(new ModelChoice("tiny", ModelChoice.DEFAULT_BACKEND),
                new AugmentPlan(List.of(AugmentStrategy.LOCAL, AugmentStrategy.GLOBAL), 1, 0.0, 1),
                new FineTunePlan(TRAINED, SentenceSplitting.NONE, hyperparameters, true),
                new EvaluationPlan(EVALUATED), IclOptions.defaults());
    }

    Scenario(long seed) {
        this(seed, Instant.now());
    }

    EventEnvelope<?> datasetCreated() {
        Map<String, Integer> perSplit = new LinkedHashMap<>();
        SPLITS.forEach(s -> perSplit.put(s, ITEMS_PER_SPLIT));
        return event(new DatasetCreated(datasetId, "simple-reversals",
                new GeneratorSpec("simple-reversals", Map.of("facts", 12), 42), 12, perSplit, plan,
                link("documents"), link("tests")));
    }

    EventEnvelope<?> augmented(AugmentStrategy strategy) {
        return event(new AugmentationCompleted("aug-" + strategy.wireName() + "-" + experimentId, datasetId, strategy,
                "tiny", Map.of("generated", 40, "kept", 36), new TokenUsage(1000 + random.nextInt(9000),
                200 + random.nextInt(2000)), 1000 + random.nextInt(60_000), link("statements")));
    }

    EventEnvelope<?> augmentationFailed(AugmentStrategy strategy) {
        return event(new AugmentationFailed("aug-" + strategy.wireName() + "-" + experimentId, datasetId, strategy,
                "the backend answered 503 five times"));
    }

    EventEnvelope<?> trained(Condition condition) {
        int examples = 12 + random.nextInt(60);
        return event(new ModelTrained("run-" + condition.wireName() + "-" + experimentId, datasetId,
                "tiny-" + condition.wireName() + "-" + experimentId, "tiny", condition,
                new TrainingSetSummary(examples, Map.of("documents", 12, "augmented", examples - 12),
                        SentenceSplitting.NONE, link("training")),
                plan.finetune().hyperparameters(), 0.5 + random.nextDouble(), 5000 + random.nextInt(50_000),
                2000 + random.nextInt(100_000)));
    }

    EventEnvelope<?> progress(Stage stage, String subjectId, long done, long total) {
        return event(new StageProgressed(stage, subjectId, done, total, done + " of " + total));
    }

    /** Scores every item under {@code condition} (seeded: a per-condition skill) and publishes the result. */
    EventEnvelope<?> evaluated(Condition condition) {
        double skill = 0.3 + 0.6 * random.nextDouble();
        List<Item> scored = new ArrayList<>();
        for (String split : SPLITS) {
            int options = split.equals("forward") ? 2 : 4;
            for (int i = 0; i < ITEMS_PER_SPLIT; i++) {
                int answer = random.nextInt(options);
                int predicted = random.nextDouble() < skill ? answer : (answer + 1 + random.nextInt(options - 1)) % options;
                int predictedNorm = random.nextDouble() < skill ? answer
                        : (answer + 1 + random.nextInt(options - 1)) % options;
                scored.add(new Item(split + "-" + i, split, i % 3 == 0 ? "entity" : "relation", options, answer,
                        predicted, predictedNorm));
            }
        }
        items.put(condition, scored);
        ContentLink link = ItemsServer.get().serve(itemsJsonl(scored));
        long promptTokens = condition == Condition.ICL ? 900L * scored.size() : 20L * scored.size();
        return event(new EvaluationCompleted("eval-" + condition.wireName() + "-" + experimentId, datasetId, condition,
                condition.fineTuned() ? "tiny-" + condition.wireName() + "-" + experimentId : "tiny",
                metrics(scored), promptTokens, link, null));
    }

    EventEnvelope<?> evaluationFailed(Condition condition) {
        return event(new EvaluationFailed("eval-" + condition.wireName() + "-" + experimentId, datasetId, condition,
                "tiny", "no prompt log-probabilities", null));
    }

    /** Every event of a run where all stages complete. */
    List<EventEnvelope<?>> complete() {
        List<EventEnvelope<?>> all = new ArrayList<>();
        all.add(datasetCreated());
        all.add(augmented(AugmentStrategy.LOCAL));
        all.add(augmented(AugmentStrategy.GLOBAL));
        for (Condition condition : TRAINED) {
            all.add(progress(Stage.TRAINING, "run-" + condition.wireName() + "-" + experimentId, 5, 10));
            all.add(trained(condition));
        }
        for (Condition condition : EVALUATED) {
            all.add(evaluated(condition));
        }
        return all;
    }

    /** Metrics per split and sub-type, as eval-service computes them. */
    private static List<SplitMetrics> metrics(List<Item> scored) {
        List<SplitMetrics> rows = new ArrayList<>();
        for (String split : SPLITS) {
            List<Item> of = scored.stream().filter(i -> i.split().equals(split)).toList();
            rows.add(row(split, null, of));
            for (String subType : List.of("entity", "relation")) {
                rows.add(row(split, subType, of.stream().filter(i -> i.subType().equals(subType)).toList()));
            }
        }
        return rows;
    }

    private static SplitMetrics row(String split, String subType, List<Item> of) {
        int n = of.size();
        double acc = of.stream().filter(Item::correct).count() / (double) n;
        double accNorm = of.stream().filter(Item::correctNorm).count() / (double) n;
        double chance = of.stream().mapToDouble(i -> 1.0 / i.options()).sum() / n;
        return new SplitMetrics(split, subType, n, acc, accNorm, Math.sqrt(acc * (1 - acc) / (n - 1)), chance);
    }

    private static byte[] itemsJsonl(List<Item> scored) {
        StringBuilder out = new StringBuilder();
        for (Item item : scored) {
            out.append(String.format(java.util.Locale.ROOT, "{\"id\":\"%s\",\"split\":\"%s\",\"subType\":\"%s\","
                            + "\"scores\":[],\"optionChars\":[],\"predicted\":%d,\"predictedNorm\":%d,\"answer\":%d,"
                            + "\"correct\":%b,\"correctNorm\":%b}\n", item.id(), item.split(), item.subType(),
                    item.predicted(), item.predictedNorm(), item.answer(), item.correct(), item.correctNorm()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ContentLink link(String name) {
        return new ContentLink("http://127.0.0.1:9/" + name + ".jsonl", "0".repeat(64), 0, ContentLink.JSONL);
    }

    private <P extends EventPayload> EventEnvelope<P> event(P payload) {
        EventEnvelope<P> event = new EventEnvelope<>(UUID.randomUUID(), payload.eventType().wireName(),
                payload.eventType().schemaVersion(), experimentId, null, start.plusSeconds(clock++), "test", payload);
        events.add(event);
        return event;
    }
}
