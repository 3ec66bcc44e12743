package dev.aft.contracts;

import dev.aft.contracts.events.AugmentationCompleted;
import dev.aft.contracts.events.AugmentationFailed;
import dev.aft.contracts.events.Completeness;
import dev.aft.contracts.events.ContentLink;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.contracts.events.EvaluationCompleted;
import dev.aft.contracts.events.EvaluationFailed;
import dev.aft.contracts.events.ExperimentReported;
import dev.aft.contracts.events.GeneratorSpec;
import dev.aft.contracts.events.ModelTrained;
import dev.aft.contracts.events.ReportRow;
import dev.aft.contracts.events.SplitMetrics;
import dev.aft.contracts.events.Stage;
import dev.aft.contracts.events.StageProgressed;
import dev.aft.contracts.events.TokenUsage;
import dev.aft.contracts.events.TrainingFailed;
import dev.aft.contracts.events.TrainingSetSummary;
import dev.aft.contracts.plan.AugmentStrategy;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.plan.Hyperparameters;
import dev.aft.contracts.plan.LoraOptions;
import dev.aft.contracts.plan.Plan;
import dev.aft.contracts.plan.SentenceSplitting;
import dev.aft.contracts.plan.TrainingMethod;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One realistic event of every type, for contract tests here and messaging tests in the services. */
public final class SampleEvents {

    public static final String EXPERIMENT = "exp-7f3a";
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private SampleEvents() {
    }

    public static ContentLink link(String path) {
        return new ContentLink("http://dataset-service:8081/" + path, SHA, 48_213, ContentLink.JSONL);
    }

    public static DatasetCreated datasetCreated() {
        return new DatasetCreated("ds-1", "simple-reversals",
                new GeneratorSpec("simple-reversals", Map.of("facts", 100, "articlesPerFact", 10, "leadIns", true), 42),
                1000, Map.of("reversal", 100, "forward", 100), Plan.standard(),
                link("datasets/ds-1/documents.jsonl"), link("datasets/ds-1/tests.jsonl"));
    }

    public static List<EventEnvelope<?>> all() {
        UUID cause = UUID.fromString("0b6c9e5e-0a8f-4c39-9b0a-1d2f3e4a5b6c");
        Hyperparameters lora = new Hyperparameters(200, 8, 3e-4, TrainingMethod.LORA, LoraOptions.defaults(), 7);
        List<EventPayload> payloads = List.of(
                datasetCreated(),
                new AugmentationCompleted("aug-1", "ds-1", AugmentStrategy.LOCAL, "aft-reference",
                        Map.of("generated", 2400, "kept", 1710, "droppedDuplicate", 512, "droppedMalformed", 178),
                        new TokenUsage(181_220, 40_311), 93_450, link("augmentations/aug-1/statements.jsonl")),
                new AugmentationFailed("aug-2", "ds-1", AugmentStrategy.GLOBAL, "model-service answered 503 five times"),
                new ModelTrained("run-1", "ds-1", "ft:aft-reference:run-1", "aft-reference", Condition.FT_LOCAL,
                        new TrainingSetSummary(2710, Map.of("documents", 1000, "local", 1710),
                                SentenceSplitting.CUMULATIVE, link("runs/run-1/training.jsonl")),
                        lora, 0.0312, 1_204_331, 61_200),
                new TrainingFailed("run-2", "ds-1", "aft-reference", Condition.FT, "job cancelled"),
                new EvaluationCompleted("ev-1", "ds-1", Condition.ICL, "aft-reference",
                        List.of(new SplitMetrics("reversal", null, 100, 0.93, 0.91, 0.0255, 0.5),
                                new SplitMetrics("reversal", "property", 40, 0.9, 0.875, 0.0474, 0.5)),
                        2_010_000, link("evaluations/ev-1/items.jsonl"), null),
                new EvaluationFailed("ev-2", "ds-1", Condition.FT, "ft:aft-reference:run-1",
                        "backend returned no prompt log-probabilities", "replay-9"),
                new ExperimentReported(EXPERIMENT,
                        List.of(new ReportRow(Condition.FT, "reversal", 100, 0.36, 0.4, 0.048, 0.5)),
                        new Completeness(12, 10, 1, List.of("evaluation ft+global/reversal"))),
                new StageProgressed(Stage.TRAINING, "run-1", 120, 300, "loss 0.41, 3,900 tokens/s"));
        Instant at = Instant.parse("2026-11-23T09:15:00.123Z");
        List<EventEnvelope<?>> events = new java.util.ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            EventPayload payload = payloads.get(i);
            events.add(new EventEnvelope<>(new UUID(0x1234L, i + 1), payload.eventType().wireName(),
                    payload.eventType().schemaVersion(), EXPERIMENT, i == 0 ? null : cause, at.plusSeconds(i),
                    "sample-producer", payload));
        }
        return events;
    }
}
