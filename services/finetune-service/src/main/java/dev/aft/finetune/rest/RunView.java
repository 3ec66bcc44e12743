package dev.aft.finetune.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aft.contracts.serde.ContractText;
import dev.aft.finetune.persistence.RunEntity;
import java.time.Instant;
import java.util.List;

/** A training run as {@code GET /runs/{id}} shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunView(String id, String experimentId, String datasetId, String condition, String state,
        String baseModel, JsonNode hyperparameters, JsonNode trainingSet, String fileId, String jobId, String modelId,
        List<List<Double>> lossCurve, Double finalLoss, Long tokens, Long durationMillis, String error,
        Instant createdAt, Instant startedAt, Instant finishedAt) {

    static RunView of(RunEntity run) {
        return new RunView(run.id.toString(), run.experimentId, run.datasetId, run.condition,
                run.state.name().toLowerCase(java.util.Locale.ROOT), run.baseModel, json(run.hyperparameters),
                json(run.trainingSet), run.fileId, run.jobId, run.modelId,
                run.lossCurve == null ? List.of() : ContractText.read(run.lossCurve, new TypeReference<List<List<Double>>>() { }),
                run.finalLoss, run.tokens, run.durationMillis, run.error, run.createdAt, run.startedAt, run.finishedAt);
    }

    private static JsonNode json(String text) {
        return text == null ? null : ContractText.read(text, new TypeReference<JsonNode>() { });
    }
}
