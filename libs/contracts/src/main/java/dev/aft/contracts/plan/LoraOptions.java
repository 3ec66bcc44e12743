package dev.aft.contracts.plan;

import static dev.aft.contracts.Checks.nonEmptyList;
import static dev.aft.contracts.Checks.positive;

import java.util.List;

/** Low-rank adapter settings: rank, scaling alpha, and the module names the adapter wraps. */
public record LoraOptions(int rank, double alpha, List<String> targetModules) {

    public LoraOptions {
        positive(rank, "rank");
        positive(alpha, "alpha");
        targetModules = nonEmptyList(targetModules, "targetModules");
    }

    /** Rank 8, alpha 16, on the attention projections. */
    public static LoraOptions defaults() {
        return new LoraOptions(8, 16, List.of("q_proj", "k_proj", "v_proj", "o_proj"));
    }
}
