package dev.aft.contracts.plan;

import static dev.aft.contracts.Checks.check;
import static dev.aft.contracts.Checks.finite;
import static dev.aft.contracts.Checks.list;
import static dev.aft.contracts.Checks.positive;

import java.util.List;

/** Which augmentations to write, how many samples per prompt, at what temperature and seed. */
public record AugmentPlan(List<AugmentStrategy> strategies, int samplesPerPrompt, double temperature, long seed) {

    public AugmentPlan {
        strategies = list(strategies, "strategies");
        check(strategies.stream().distinct().count() == strategies.size(), "strategies", "must not repeat a strategy");
        positive(samplesPerPrompt, "samplesPerPrompt");
        finite(temperature, "temperature");
        check(temperature >= 0, "temperature", "must be >= 0, was " + temperature);
    }

    public static AugmentPlan defaults() {
        return new AugmentPlan(List.of(AugmentStrategy.LOCAL, AugmentStrategy.GLOBAL), 1, 0.0, 1234);
    }
}
