package dev.aft.report.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aft.contracts.events.Completeness;
import java.util.List;

/**
 * One experiment's report: the table (conditions x splits), the generalization gaps, the cost of each
 * condition, the state of every stage the plan expects, live progress, and how complete it is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Report(
        String experimentId,
        String status,
        String datasetId,
        String family,
        String baseModel,
        List<String> conditions,
        List<String> splits,
        List<Cell> table,
        List<Gap> gaps,
        List<Cost> costs,
        List<StageState> stages,
        List<Activity> progress,
        Completeness completeness) {

    /** Experiment states: waiting for its dataset, running, and the three ways it ends. */
    public static final String WAITING_FOR_DATASET = "waiting-for-dataset";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String COMPLETED_WITH_FAILURES = "completed-with-failures";
    public static final String INCOMPLETE = "incomplete";

    /**
     * One condition on one split: accuracy by summed log-likelihood and by log-likelihood per character, each
     * with its standard error ({@code sqrt(p (1 - p) / (n - 1))}), item count and chance level.
     */
    public record Cell(String condition, String split, int n, double acc, double accStderr, double accNorm,
            double accNormStderr, double chance) {
    }

    /**
     * {@code minuend − subtrahend} on one split, e.g. {@code icl − ft}; the standard error of a difference of
     * two independent estimates, {@code sqrt(se1² + se2²)}.
     */
    public record Gap(String name, String minuend, String subtrahend, String split, double acc, double accStderr,
            double accNorm, double accNormStderr) {
    }

    /**
     * What a condition cost: augmentation tokens (prompt and completion, of every augmentation its training set
     * used) and time; training tokens, examples and time; evaluation prompt tokens, in total and per query
     * (for {@code icl}, the documents in context make this the in-context cost).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cost(String condition, long augmentationPromptTokens, long augmentationCompletionTokens,
            long augmentationMillis, Long trainingTokens, Integer trainingExamples, Long trainingMillis,
            Double finalLoss, Long evaluationPromptTokens, Integer queries, Double promptTokensPerQuery) {
    }

    /** A stage the plan expects: {@code completed}, {@code failed} (with the reason), {@code waiting} or {@code missing}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StageState(String key, String stage, String subject, String state, String reason, String subjectId) {
    }

    /** The latest progress of one subject of a stage. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Activity(String stage, String subjectId, String stageKey, long done, long total, String message,
            String updatedAt) {
    }
}
