package dev.aft.eval.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aft.eval.persistence.EvaluationEntity;
import dev.aft.eval.persistence.EvaluationState;
import dev.aft.eval.persistence.ReplayEntity;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A replay: what it re-reads, how far reading got ({@code reading}, {@code read}, {@code failed}), and the
 * evaluations it created with their states; {@code done} once it was read and every evaluation finished.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayView(
        String replayId,
        String experimentId,
        Instant from,
        Instant to,
        List<String> conditions,
        String state,
        long recordsRead,
        long eventsMatched,
        int evaluationsPending,
        int evaluationsCompleted,
        int evaluationsFailed,
        boolean done,
        List<Entry> evaluations,
        Instant createdAt,
        Instant finishedAt,
        String error) {

    public record Entry(UUID evaluationId, String condition, String modelId, String state) {
    }

    static ReplayView of(ReplayEntity r, List<EvaluationEntity> evaluations) {
        int completed = count(evaluations, EvaluationState.COMPLETED);
        int failed = count(evaluations, EvaluationState.FAILED);
        int pending = evaluations.size() - completed - failed;
        return new ReplayView(r.id, r.experimentId, r.fromTime, r.toTime,
                r.conditions == null ? null : Arrays.asList(r.conditions.split(",")), r.state, r.recordsRead,
                r.eventsMatched, pending, completed, failed, ReplayEntity.READ.equals(r.state) && pending == 0,
                evaluations.stream().map(e -> new Entry(e.id, e.condition, e.modelId, e.state.wireName())).toList(),
                r.createdAt, r.finishedAt, r.error);
    }

    private static int count(List<EvaluationEntity> evaluations, EvaluationState state) {
        return (int) evaluations.stream().filter(e -> e.state == state).count();
    }
}
