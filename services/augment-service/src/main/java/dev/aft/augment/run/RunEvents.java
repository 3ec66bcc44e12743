package dev.aft.augment.run;

import dev.aft.augment.persistence.RunEntity;
import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.events.AugmentationCompleted;
import dev.aft.contracts.events.AugmentationFailed;
import dev.aft.contracts.events.ContentLink;
import dev.aft.contracts.events.Stage;
import dev.aft.contracts.events.StageProgressed;
import dev.aft.contracts.events.TokenUsage;
import dev.aft.contracts.plan.AugmentStrategy;
import java.util.Map;

/** Turns a run into its events; each is caused by the run's {@code DatasetCreated} and keyed by its experiment. */
final class RunEvents {

    private RunEvents() {
    }

    static EventEnvelope<StageProgressed> progress(RunEntity run, String producer, long done, long total, int kept) {
        String message = run.strategy + " augmentation: " + done + " of " + total + " outputs, " + kept
                + " statements kept";
        return EventEnvelope.of(run.experimentId, run.sourceEventId, producer,
                new StageProgressed(Stage.AUGMENTATION, run.id, Math.min(done, total), total, message));
    }

    static EventEnvelope<AugmentationCompleted> completed(RunEntity run, String producer, Map<String, Integer> counts,
            long promptTokens, long completionTokens, long durationMillis, ContentLink statements) {
        return EventEnvelope.of(run.experimentId, run.sourceEventId, producer, new AugmentationCompleted(run.id,
                run.datasetId, AugmentStrategy.of(run.strategy), run.model, counts,
                new TokenUsage(promptTokens, completionTokens), durationMillis, statements));
    }

    static EventEnvelope<AugmentationFailed> failed(RunEntity run, String producer, String reason) {
        return EventEnvelope.of(run.experimentId, run.sourceEventId, producer,
                new AugmentationFailed(run.id, run.datasetId, AugmentStrategy.of(run.strategy), reason));
    }
}
