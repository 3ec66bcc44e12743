package dev.aft.report.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aft.contracts.events.Completeness;
import dev.aft.report.domain.Report;

/** One line of {@code GET /experiments}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentSummary(String experimentId, String status, String family, String datasetId,
        String baseModel, Completeness completeness) {

    static ExperimentSummary of(Report report) {
        return new ExperimentSummary(report.experimentId(), report.status(), report.family(), report.datasetId(),
                report.baseModel(), report.completeness());
    }
}
