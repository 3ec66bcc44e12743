package dev.aft.contracts.events;

import static dev.aft.contracts.Checks.required;
import static dev.aft.contracts.Checks.requiredText;

import dev.aft.contracts.EventPayload;
import dev.aft.contracts.plan.Condition;

/** A training run failed for one condition; the reason says why. */
public record TrainingFailed(
        String runId,
        String datasetId,
        String baseModel,
        Condition condition,
        String reason) implements EventPayload {

    public TrainingFailed {
        requiredText(runId, "runId");
        requiredText(datasetId, "datasetId");
        requiredText(baseModel, "baseModel");
        required(condition, "condition");
        requiredText(reason, "reason");
    }
}
