package dev.aft.contracts.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aft.contracts.ContractViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {

    @Test
    void theStandardPlanRunsAllSixConditions() {
        Plan plan = Plan.standard();
        assertThat(plan.evaluation().conditions()).containsExactly(Condition.values());
        assertThat(plan.finetune().conditions()).allMatch(Condition::fineTuned);
        assertThat(plan.augment().strategies()).containsExactly(AugmentStrategy.LOCAL, AugmentStrategy.GLOBAL);
    }

    @Test
    void augmentedConditionsNameTheirAugmentations() {
        assertThat(Condition.FT.augmentations()).isEmpty();
        assertThat(Condition.FT_LOCAL_GLOBAL.augmentations()).containsExactly(AugmentStrategy.LOCAL, AugmentStrategy.GLOBAL);
        assertThat(Condition.ICL.fineTuned()).isFalse();
    }

    @Test
    void evaluatingAnUntrainedFineTunedConditionIsRejected() {
        FineTunePlan onlyFt = new FineTunePlan(List.of(Condition.FT), SentenceSplitting.NONE, Hyperparameters.defaults(), false);
        assertThatThrownBy(() -> new Plan(ModelChoice.reference(), AugmentPlan.defaults(), onlyFt,
                new EvaluationPlan(List.of(Condition.ICL, Condition.FT_GLOBAL)), IclOptions.defaults()))
                .isInstanceOf(ContractViolation.class)
                .hasMessage("evaluation.conditions[1]: 'ft+global' is evaluated but not in finetune.conditions");
    }

    @Test
    void nonFineTunedConditionsCannotBeTrained() {
        assertThatThrownBy(() -> new FineTunePlan(List.of(Condition.ICL), SentenceSplitting.NONE, Hyperparameters.defaults(), true))
                .isInstanceOf(ContractViolation.class).hasMessageContaining("'icl' is not a fine-tuned condition");
    }

    @Test
    void loraNeedsItsOptionsAndFullTrainingRefusesThem() {
        assertThatThrownBy(() -> new Hyperparameters(10, 8, 1e-3, TrainingMethod.LORA, null, 1))
                .hasMessage("lora: is required when method is lora");
        assertThatThrownBy(() -> new Hyperparameters(10, 8, 1e-3, TrainingMethod.FULL, LoraOptions.defaults(), 1))
                .hasMessage("lora: must be absent when method is full");
    }

    @Test
    void subsampleFactorOnlyAppliesToSubsampledContexts() {
        assertThat(new IclOptions(IclContext.SUBSAMPLE, 8, 3).subsampleFactor()).isEqualTo(8);
        assertThatThrownBy(() -> new IclOptions(IclContext.ALL, 8, 3)).hasMessageContaining("subsampleFactor");
    }
}
