package dev.aft.dataset.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aft.contracts.events.ContentLink;
import dev.aft.contracts.serde.ContractJson;
import dev.aft.dataset.persistence.DatasetEntity;
import java.time.Instant;

/** A dataset's metadata as {@code GET /datasets/{id}} shows it. */
public record DatasetView(
        String datasetId,
        String experimentId,
        String family,
        JsonNode spec,
        int documents,
        JsonNode testsPerSplit,
        ContentLink documentsContent,
        ContentLink testsContent,
        Instant createdAt) {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = ContractJson.mapper();

    static DatasetView of(DatasetEntity d, ContentLink documents, ContentLink tests) {
        try {
            return new DatasetView(d.id, d.experimentId, d.family, JSON.readTree(d.spec), d.documents,
                    JSON.readTree(d.testsPerSplit), documents, tests, d.createdAt);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored metadata of " + d.id + " is not JSON", e);
        }
    }
}
