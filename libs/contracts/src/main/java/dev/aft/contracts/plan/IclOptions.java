package dev.aft.contracts.plan;

import static dev.aft.contracts.Checks.check;
import static dev.aft.contracts.Checks.positive;
import static dev.aft.contracts.Checks.required;

/**
 * How the in-context condition builds its context: which documents (all, a subsample by {@code subsampleFactor},
 * or retrieved by shared entities), and the seed for the subsample.
 */
public record IclOptions(IclContext context, int subsampleFactor, long seed) {

    public IclOptions {
        required(context, "context");
        positive(subsampleFactor, "subsampleFactor");
        check(context == IclContext.SUBSAMPLE || subsampleFactor == 1, "subsampleFactor",
                "must be 1 unless context is subsample");
    }

    public static IclOptions defaults() {
        return new IclOptions(IclContext.ALL, 1, 1234);
    }
}
