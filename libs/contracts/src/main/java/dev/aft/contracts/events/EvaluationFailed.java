package dev.aft.contracts.events;

import static dev.aft.contracts.Checks.required;
import static dev.aft.contracts.Checks.requiredText;

import dev.aft.contracts.EventPayload;
import dev.aft.contracts.OptionalField;
import dev.aft.contracts.plan.Condition;

/** An evaluation failed (for example, a backend returned no prompt log-probabilities); the reason says why. */
public record EvaluationFailed(
        String evaluationId,
        String datasetId,
        Condition condition,
        @OptionalField String modelId,
        String reason,
        @OptionalField String replayOf) implements EventPayload {

    public EvaluationFailed {
        requiredText(evaluationId, "evaluationId");
        requiredText(datasetId, "datasetId");
        required(condition, "condition");
        requiredText(reason, "reason");
    }
}
