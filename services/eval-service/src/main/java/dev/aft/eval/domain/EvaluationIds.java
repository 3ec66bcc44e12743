package dev.aft.eval.domain;

import dev.aft.contracts.plan.Condition;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic ids, so that a redelivered or replayed event maps onto the same rows and events: an evaluation
 * is named by the event that caused it and its condition (and, for a re-evaluation, the replay); the events it
 * emits are named by the evaluation, which makes a second {@code EvaluationCompleted} for one evaluation
 * impossible (the outbox's event id is unique).
 */
public final class EvaluationIds {

    private EvaluationIds() {
    }

    /** The evaluation a live event causes under one condition. */
    public static UUID evaluation(UUID causingEventId, Condition condition) {
        return name("evaluation/" + causingEventId + "/" + condition.wireName());
    }

    /** The evaluation a replayed event causes under one condition: another id per replay. */
    public static UUID replayedEvaluation(String replayId, UUID causingEventId, Condition condition) {
        return name("replay/" + replayId + "/" + causingEventId + "/" + condition.wireName());
    }

    /** The id of the one {@code EvaluationCompleted} or {@code EvaluationFailed} an evaluation emits. */
    public static UUID outcomeEvent(UUID evaluationId) {
        return name("outcome/" + evaluationId);
    }

    private static UUID name(String text) {
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
