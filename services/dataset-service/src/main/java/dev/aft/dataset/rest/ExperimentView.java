package dev.aft.dataset.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aft.contracts.serde.ContractJson;
import dev.aft.dataset.persistence.ExperimentEntity;
import java.time.Instant;

/** An experiment as {@code GET /experiments} shows it. */
public record ExperimentView(String experimentId, String name, String datasetId, JsonNode plan, Instant createdAt) {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = ContractJson.mapper();

    static ExperimentView of(ExperimentEntity entity) {
        try {
            return new ExperimentView(entity.id, entity.name, entity.datasetId, JSON.readTree(entity.plan),
                    entity.createdAt);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored plan of " + entity.id + " is not JSON", e);
        }
    }
}
