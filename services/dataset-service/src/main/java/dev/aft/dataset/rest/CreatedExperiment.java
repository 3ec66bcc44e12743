package dev.aft.dataset.rest;

import dev.aft.contracts.events.ContentLink;
import java.util.Map;

/** The answer to {@code POST /experiments}. */
public record CreatedExperiment(
        String experimentId,
        String datasetId,
        String family,
        int documents,
        Map<String, Integer> testsPerSplit,
        ContentLink documentsContent,
        ContentLink testsContent,
        String eventId) {
}
