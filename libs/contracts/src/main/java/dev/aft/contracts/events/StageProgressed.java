package dev.aft.contracts.events;

import static dev.aft.contracts.Checks.check;
import static dev.aft.contracts.Checks.nonNegative;
import static dev.aft.contracts.Checks.required;
import static dev.aft.contracts.Checks.requiredText;

import dev.aft.contracts.EventPayload;
import dev.aft.contracts.OptionalField;

/** Progress of long work (on {@code aft.progress}): {@code done} of {@code total} units of one stage's subject. */
public record StageProgressed(
        Stage stage,
        String subjectId,
        long done,
        long total,
        @OptionalField String message) implements EventPayload {

    public StageProgressed {
        required(stage, "stage");
        requiredText(subjectId, "subjectId");
        nonNegative(done, "done");
        nonNegative(total, "total");
        check(done <= total, "done", "must not exceed total (" + done + " > " + total + ")");
    }
}
