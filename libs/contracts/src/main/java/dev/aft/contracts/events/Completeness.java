package dev.aft.contracts.events;

import static dev.aft.contracts.Checks.check;
import static dev.aft.contracts.Checks.list;
import static dev.aft.contracts.Checks.nonNegative;

import java.util.List;

/** How much of the plan has results: expected, completed and failed stages, and which are missing. */
public record Completeness(int expected, int completed, int failed, List<String> missing) {

    public Completeness {
        nonNegative(expected, "expected");
        nonNegative(completed, "completed");
        nonNegative(failed, "failed");
        missing = list(missing, "missing");
        check(completed + failed <= expected, "completed", "completed + failed exceeds expected");
    }

    public boolean complete() {
        return completed + failed == expected;
    }
}
