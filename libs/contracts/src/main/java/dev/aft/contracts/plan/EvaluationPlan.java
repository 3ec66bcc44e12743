package dev.aft.contracts.plan;

import static dev.aft.contracts.Checks.check;
import static dev.aft.contracts.Checks.nonEmptyList;

import java.util.List;

/** The conditions whose models are scored on the dataset's test splits. */
public record EvaluationPlan(List<Condition> conditions) {

    public EvaluationPlan {
        conditions = nonEmptyList(conditions, "conditions");
        check(conditions.stream().distinct().count() == conditions.size(), "conditions", "must not repeat a condition");
    }

    public static EvaluationPlan all() {
        return new EvaluationPlan(List.of(Condition.values()));
    }
}
