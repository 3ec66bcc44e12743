package dev.aft.report.domain;

import dev.aft.contracts.EventPayload;
import dev.aft.contracts.events.AugmentationCompleted;
import dev.aft.contracts.events.AugmentationFailed;
import dev.aft.contracts.events.EvaluationCompleted;
import dev.aft.contracts.events.EvaluationFailed;
import dev.aft.contracts.events.ModelTrained;
import dev.aft.contracts.events.TrainingFailed;
import dev.aft.contracts.plan.AugmentStrategy;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Names of an experiment's stages: {@code augmentation:<strategy>}, {@code training:<condition>},
 * {@code evaluation:<condition>}; which ones a plan expects, and which stage an outcome event settles.
 */
public final class StageKeys {

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    private StageKeys() {
    }

    public static String augmentation(AugmentStrategy strategy) {
        return "augmentation:" + strategy.wireName();
    }

    public static String training(Condition condition) {
        return "training:" + condition.wireName();
    }

    public static String evaluation(Condition condition) {
        return "evaluation:" + condition.wireName();
    }

    /** Every stage the plan expects a result of, upstream first. */
    public static List<String> expected(Plan plan) {
        List<String> keys = new ArrayList<>();
        plan.augment().strategies().forEach(s -> keys.add(augmentation(s)));
        plan.finetune().conditions().forEach(c -> keys.add(training(c)));
        plan.evaluation().conditions().forEach(c -> keys.add(evaluation(c)));
        return keys;
    }

    /**
     * The stage an outcome event settles and whether it completed or failed; empty for other events and for
     * re-evaluations (a replay's outcome belongs to the replay, not to the experiment's table).
     */
    public static Optional<Outcome> outcome(EventPayload payload) {
        if (payload instanceof AugmentationCompleted e) {
            return Optional.of(new Outcome(augmentation(e.strategy()), COMPLETED));
        }
        if (payload instanceof AugmentationFailed e) {
            return Optional.of(new Outcome(augmentation(e.strategy()), FAILED));
        }
        if (payload instanceof ModelTrained e) {
            return Optional.of(new Outcome(training(e.condition()), COMPLETED));
        }
        if (payload instanceof TrainingFailed e) {
            return Optional.of(new Outcome(training(e.condition()), FAILED));
        }
        if (payload instanceof EvaluationCompleted e && e.replayOf() == null) {
            return Optional.of(new Outcome(evaluation(e.condition()), COMPLETED));
        }
        if (payload instanceof EvaluationFailed e && e.replayOf() == null) {
            return Optional.of(new Outcome(evaluation(e.condition()), FAILED));
        }
        return Optional.empty();
    }

    public record Outcome(String stageKey, String outcome) {
    }
}
