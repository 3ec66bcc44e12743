package dev.aft.contracts.events;

import static dev.aft.contracts.Checks.map;
import static dev.aft.contracts.Checks.nonNegative;
import static dev.aft.contracts.Checks.required;
import static dev.aft.contracts.Checks.requiredText;

import dev.aft.contracts.EventPayload;
import dev.aft.contracts.plan.Plan;
import java.util.Map;

/**
 * A dataset exists: its family and generator spec, its size (training documents, test items per split), the
 * experiment's plan, and claim checks for its documents and tests.
 */
public record DatasetCreated(
        String datasetId,
        String family,
        GeneratorSpec spec,
        int documents,
        Map<String, Integer> testsPerSplit,
        Plan plan,
        ContentLink documentsContent,
        ContentLink testsContent) implements EventPayload {

    public DatasetCreated {
        requiredText(datasetId, "datasetId");
        requiredText(family, "family");
        required(spec, "spec");
        nonNegative(documents, "documents");
        testsPerSplit = map(testsPerSplit, "testsPerSplit");
        testsPerSplit.forEach((split, n) -> nonNegative(n, "testsPerSplit[" + split + "]"));
        required(plan, "plan");
        required(documentsContent, "documentsContent");
        required(testsContent, "testsContent");
    }
}
