package dev.aft.contracts.plan;

import static dev.aft.contracts.Checks.check;
import static dev.aft.contracts.Checks.list;
import static dev.aft.contracts.Checks.required;

import java.util.List;

/**
 * The fine-tuned conditions to train, how documents are split into examples, the hyperparameters, and
 * whether every condition trains for the same number of steps at the same batch size (data-matched).
 */
public record FineTunePlan(
        List<Condition> conditions,
        SentenceSplitting splitting,
        Hyperparameters hyperparameters,
        boolean dataMatched) {

    public FineTunePlan {
        conditions = list(conditions, "conditions");
        for (int i = 0; i < conditions.size(); i++) {
            check(conditions.get(i).fineTuned(), "conditions[" + i + "]",
                    "'" + conditions.get(i).wireName() + "' is not a fine-tuned condition");
        }
        check(conditions.stream().distinct().count() == conditions.size(), "conditions", "must not repeat a condition");
        required(splitting, "splitting");
        required(hyperparameters, "hyperparameters");
    }

    public static FineTunePlan defaults() {
        return new FineTunePlan(
                List.of(Condition.FT, Condition.FT_LOCAL, Condition.FT_GLOBAL, Condition.FT_LOCAL_GLOBAL),
                SentenceSplitting.INDEPENDENT, Hyperparameters.defaults(), true);
    }
}
