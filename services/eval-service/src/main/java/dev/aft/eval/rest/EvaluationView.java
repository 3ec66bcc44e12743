package dev.aft.eval.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.aft.contracts.events.ContentLink;
import dev.aft.contracts.events.SplitMetrics;
import dev.aft.contracts.serde.ContractText;
import dev.aft.eval.domain.Metrics;
import dev.aft.eval.persistence.EvaluationEntity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An evaluation as {@code GET /evaluations/{id}} shows it: state, what was scored, metrics with 95% intervals, cost. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationView(
        UUID evaluationId,
        String experimentId,
        String datasetId,
        String condition,
        String modelId,
        String state,
        String replayOf,
        UUID causationId,
        int attempts,
        List<MetricsView> metrics,
        Integer items,
        Long promptTokens,
        ContextView context,
        ContentLink itemsContent,
        Long durationMillis,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String error) {

    /** One split (or sub-type) with {@code acc ± 1.96 stderr} and the same for {@code acc_norm}, clipped to [0, 1]. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MetricsView(String split, String subType, int n, double acc, double accNorm, double stderr,
            double accNormStderr, double[] acc95, double[] accNorm95, double chance) {

        static MetricsView of(SplitMetrics m) {
            double normStderr = Metrics.stderr(m.accNorm(), m.n());
            return new MetricsView(m.split(), m.subType(), m.n(), m.acc(), m.accNorm(), m.stderr(), normStderr,
                    Metrics.interval95(m.acc(), m.stderr()), Metrics.interval95(m.accNorm(), normStderr), m.chance());
        }
    }

    /** What the in-context condition put in the prompt (means over items when retrieved per item). */
    public record ContextView(String selection, Integer documents, Integer tokens) {
    }

    private static final TypeReference<List<SplitMetrics>> METRICS = new TypeReference<>() { };

    static EvaluationView of(EvaluationEntity e, String publicBaseUrl) {
        List<MetricsView> metrics = e.metrics == null ? null
                : ContractText.read(e.metrics, METRICS).stream().map(MetricsView::of).toList();
        ContentLink items = e.itemsSha256 == null ? null : new ContentLink(publicBaseUrl + "/evaluations/" + e.id
                + "/items.jsonl", e.itemsSha256, e.itemsBytes, ContentLink.JSONL);
        ContextView context = e.contextSelection == null ? null
                : new ContextView(e.contextSelection, e.contextDocuments, e.contextTokens);
        return new EvaluationView(e.id, e.experimentId, e.datasetId, e.condition, e.modelId,
                e.state.wireName(), e.replayOf, e.causationId, e.attempts, metrics, e.items, e.promptTokens, context,
                items, e.durationMillis, e.createdAt, e.startedAt, e.finishedAt, e.error);
    }
}
