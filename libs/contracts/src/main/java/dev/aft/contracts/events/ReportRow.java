package dev.aft.contracts.events;

import static dev.aft.contracts.Checks.fraction;
import static dev.aft.contracts.Checks.nonNegative;
import static dev.aft.contracts.Checks.required;
import static dev.aft.contracts.Checks.requiredText;

import dev.aft.contracts.plan.Condition;

/** One cell of the study's table: a condition on a split. */
public record ReportRow(
        Condition condition,
        String split,
        int n,
        double acc,
        double accNorm,
        double stderr,
        double chance) {

    public ReportRow {
        required(condition, "condition");
        requiredText(split, "split");
        nonNegative(n, "n");
        fraction(acc, "acc");
        fraction(accNorm, "accNorm");
        fraction(stderr, "stderr");
        fraction(chance, "chance");
    }
}
