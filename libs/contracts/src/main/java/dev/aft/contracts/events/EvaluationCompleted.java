package dev.aft.contracts.events;

import static dev.aft.contracts.Checks.list;
import static dev.aft.contracts.Checks.nonNegative;
import static dev.aft.contracts.Checks.required;
import static dev.aft.contracts.Checks.requiredText;

import dev.aft.contracts.EventPayload;
import dev.aft.contracts.OptionalField;
import dev.aft.contracts.plan.Condition;
import java.util.List;

/**
 * A model was scored on a dataset's tests under one condition: per-split metrics, the prompt tokens scored
 * (the in-context cost), a claim check for per-item scores, and, for a re-evaluation, the replay it belongs to.
 */
public record EvaluationCompleted(
        String evaluationId,
        String datasetId,
        Condition condition,
        String modelId,
        List<SplitMetrics> metrics,
        long promptTokens,
        ContentLink itemsContent,
        @OptionalField String replayOf) implements EventPayload {

    public EvaluationCompleted {
        requiredText(evaluationId, "evaluationId");
        requiredText(datasetId, "datasetId");
        required(condition, "condition");
        requiredText(modelId, "modelId");
        metrics = list(metrics, "metrics");
        nonNegative(promptTokens, "promptTokens");
        required(itemsContent, "itemsContent");
    }
}
