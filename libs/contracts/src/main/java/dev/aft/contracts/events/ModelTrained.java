package dev.aft.contracts.events;

import static dev.aft.contracts.Checks.finite;
import static dev.aft.contracts.Checks.nonNegative;
import static dev.aft.contracts.Checks.required;
import static dev.aft.contracts.Checks.requiredText;

import dev.aft.contracts.EventPayload;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.plan.Hyperparameters;

/** A training run produced a model for one fine-tuned condition. */
public record ModelTrained(
        String runId,
        String datasetId,
        String modelId,
        String baseModel,
        Condition condition,
        TrainingSetSummary trainingSet,
        Hyperparameters hyperparameters,
        double finalLoss,
        long tokens,
        long durationMillis) implements EventPayload {

    public ModelTrained {
        requiredText(runId, "runId");
        requiredText(datasetId, "datasetId");
        requiredText(modelId, "modelId");
        requiredText(baseModel, "baseModel");
        required(condition, "condition");
        required(trainingSet, "trainingSet");
        required(hyperparameters, "hyperparameters");
        finite(finalLoss, "finalLoss");
        nonNegative(tokens, "tokens");
        nonNegative(durationMillis, "durationMillis");
    }
}
