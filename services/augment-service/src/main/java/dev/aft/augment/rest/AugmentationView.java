package dev.aft.augment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aft.augment.domain.StatementsJsonl;
import dev.aft.augment.persistence.RunEntity;
import dev.aft.augment.persistence.RunTally;
import dev.aft.contracts.events.ContentLink;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run as {@code GET /augmentations/{id}} shows it: state, counts per step (so far, while it runs), precision
 * and coverage with what they mean, tokens, working time, and how global prompts chose their context.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AugmentationView(
        String augmentationId,
        String experimentId,
        String datasetId,
        String strategy,
        String state,
        String backend,
        String model,
        Progress progress,
        Map<String, Integer> counts,
        Double precision,
        Double coverage,
        String coverageOf,
        String groundTruth,
        Tokens tokens,
        long durationMillis,
        Context context,
        String failureReason,
        int attempts,
        ContentLink statementsContent,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    public record Progress(int done, Integer total) {
    }

    public record Tokens(long promptTokens, long completionTokens) {
    }

    /**
     * The model's context and, for global runs, the context selection: the calibrated tokens per byte (and its
     * source), prompts whose context had to be chosen, prompts that could not fit at all, and the number of
     * context documents per prompt (min, mean, max).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Context(Integer contextLength, Double tokensPerByte, String tokensPerByteSource,
            Integer limitedPrompts, Integer overContextPrompts, Integer documentsMin, Double documentsMean,
            Integer documentsMax) {
    }

    static AugmentationView of(RunEntity run, RunTally tally, String publicBaseUrl) {
        Map<String, Integer> counts;
        if (run.counts != null) {
            counts = StatementsJsonl.readCounts(run.counts);
        } else {
            counts = new LinkedHashMap<>();
            if (run.prompts != null) {
                counts.put("prompts", run.prompts);
                counts.put("plannedOutputs", run.plannedOutputs);
            }
            counts.putAll(tally.counts().asMap());
            counts.put("overContextOutputs", tally.overContextOutputs());
        }
        boolean global = "global".equals(run.strategy);
        boolean selection = global && tally.contextDocuments().getCount() > 0;
        Context context = new Context(run.contextLength, run.tokensPerByte, run.tokensPerByteSource,
                global ? tally.contextLimitedPrompts() : null, tally.overContextPrompts(),
                selection ? tally.contextDocuments().getMin() : null,
                selection ? tally.contextDocuments().getAverage() : null,
                selection ? tally.contextDocuments().getMax() : null);
        ContentLink statements = run.contentSha256 == null ? null : new ContentLink(
                publicBaseUrl + "/augmentations/" + run.id + "/statements.jsonl", run.contentSha256, run.contentBytes,
                ContentLink.JSONL);
        return new AugmentationView(run.id, run.experimentId, run.datasetId, run.strategy, run.state.wireName(),
                run.backend, run.model,
                new Progress(tally.counts().outputs() + tally.overContextOutputs(), run.plannedOutputs), counts,
                run.precision, run.coverage, global ? "two-step conclusions" : "reversals", run.groundTruth,
                new Tokens(run.promptTokens, run.completionTokens), run.activeMillis, context, run.failureReason,
                run.attempts, statements, run.createdAt, run.startedAt, run.finishedAt);
    }
}
