package dev.aft.contracts.events;

import static dev.aft.contracts.Checks.fraction;
import static dev.aft.contracts.Checks.nonNegative;
import static dev.aft.contracts.Checks.requiredText;

import dev.aft.contracts.OptionalField;

/**
 * Scores on one test split (or one sub-type of it): item count, accuracy by summed log-likelihood, accuracy
 * by log-likelihood per character, the standard error of {@code acc}, and the split's chance level.
 */
public record SplitMetrics(
        String split,
        @OptionalField String subType,
        int n,
        double acc,
        double accNorm,
        double stderr,
        double chance) {

    public SplitMetrics {
        requiredText(split, "split");
        nonNegative(n, "n");
        fraction(acc, "acc");
        fraction(accNorm, "accNorm");
        fraction(stderr, "stderr");
        fraction(chance, "chance");
    }
}
