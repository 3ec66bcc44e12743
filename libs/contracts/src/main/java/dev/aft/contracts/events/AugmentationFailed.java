package dev.aft.contracts.events;

import static dev.aft.contracts.Checks.required;
import static dev.aft.contracts.Checks.requiredText;

import dev.aft.contracts.EventPayload;
import dev.aft.contracts.plan.AugmentStrategy;

/** An augmentation run failed; the reason says why, so the experiment shows the failure instead of hanging. */
public record AugmentationFailed(
        String augmentationId,
        String datasetId,
        AugmentStrategy strategy,
        String reason) implements EventPayload {

    public AugmentationFailed {
        requiredText(augmentationId, "augmentationId");
        requiredText(datasetId, "datasetId");
        required(strategy, "strategy");
        requiredText(reason, "reason");
    }
}
