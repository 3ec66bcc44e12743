package dev.aft.contracts.plan;

import static dev.aft.contracts.Checks.check;
import static dev.aft.contracts.Checks.required;

/**
 * An experiment's plan. It travels in {@code DatasetCreated}, and each service acts on its own part of it
 * (choreography, no orchestrator). A plan is consistent: a condition that trains on an augmentation needs
 * that augmentation planned, and every fine-tuned condition evaluated must be trained.
 */
public record Plan(
        ModelChoice model,
        AugmentPlan augment,
        FineTunePlan finetune,
        EvaluationPlan evaluation,
        IclOptions icl) {

    public Plan {
        required(model, "model");
        required(augment, "augment");
        required(finetune, "finetune");
        required(evaluation, "evaluation");
        required(icl, "icl");
        for (int i = 0; i < finetune.conditions().size(); i++) {
            Condition condition = finetune.conditions().get(i);
            check(augment.strategies().containsAll(condition.augmentations()), "finetune.conditions[" + i + "]",
                    "'" + condition.wireName() + "' needs augmentation " + condition.augmentations()
                            + " but augment.strategies is " + augment.strategies());
        }
        for (int i = 0; i < evaluation.conditions().size(); i++) {
            Condition condition = evaluation.conditions().get(i);
            check(!condition.fineTuned() || finetune.conditions().contains(condition),
                    "evaluation.conditions[" + i + "]",
                    "'" + condition.wireName() + "' is evaluated but not in finetune.conditions");
        }
    }

    /** The study's full design on the reference model: both augmentations, all six conditions. */
    public static Plan standard() {
        return new Plan(ModelChoice.reference(), AugmentPlan.defaults(), FineTunePlan.defaults(),
                EvaluationPlan.all(), IclOptions.defaults());
    }
}
