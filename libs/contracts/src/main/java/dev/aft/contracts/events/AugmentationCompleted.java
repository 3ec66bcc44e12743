package dev.aft.contracts.events;

import static dev.aft.contracts.Checks.map;
import static dev.aft.contracts.Checks.nonNegative;
import static dev.aft.contracts.Checks.required;
import static dev.aft.contracts.Checks.requiredText;

import dev.aft.contracts.EventPayload;
import dev.aft.contracts.plan.AugmentStrategy;
import java.util.Map;

/**
 * An augmentation run finished: which strategy and model wrote it, its post-processing counts (generated,
 * kept, dropped per reason), the tokens it cost, how long it took, and a claim check for its statements.
 */
public record AugmentationCompleted(
        String augmentationId,
        String datasetId,
        AugmentStrategy strategy,
        String model,
        Map<String, Integer> counts,
        TokenUsage tokens,
        long durationMillis,
        ContentLink statementsContent) implements EventPayload {

    public AugmentationCompleted {
        requiredText(augmentationId, "augmentationId");
        requiredText(datasetId, "datasetId");
        required(strategy, "strategy");
        requiredText(model, "model");
        counts = map(counts, "counts");
        required(tokens, "tokens");
        nonNegative(durationMillis, "durationMillis");
        required(statementsContent, "statementsContent");
    }
}
