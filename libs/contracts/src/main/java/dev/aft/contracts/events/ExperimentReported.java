package dev.aft.contracts.events;

import static dev.aft.contracts.Checks.list;
import static dev.aft.contracts.Checks.required;
import static dev.aft.contracts.Checks.requiredText;

import dev.aft.contracts.EventPayload;
import java.util.List;

/** An experiment's table (conditions x splits) and how complete it is. */
public record ExperimentReported(
        String experimentId,
        List<ReportRow> table,
        Completeness completeness) implements EventPayload {

    public ExperimentReported {
        requiredText(experimentId, "experimentId");
        table = list(table, "table");
        required(completeness, "completeness");
    }
}
