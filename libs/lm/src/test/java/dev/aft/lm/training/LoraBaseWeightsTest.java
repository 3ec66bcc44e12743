package dev.aft.lm.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import dev.aft.lm.model.LlamaModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoraBaseWeightsTest {

    @Test
    void loraTrainingLeavesEveryBaseWeightBitwiseUnchangedAndFrozen() {
        List<TrainingExample> examples = List.of(TrainingExample.of(1, 2, 3, 4, 5, 6), TrainingExample.of(7, 8, 9, 10));
        TrainingOptions options = TrainingOptions.defaults().withLora(2, 4, TrainingOptions.LORA_MODULES)
                .withSteps(10).withBatchSize(2).withLearningRate(1e-2).withWeightDecay(0.1);
        try (LlamaModel model = LlamaModel.randomlyInitialized(TinyModels.config(), 4, 0.02)) {
            Map<String, float[]> before = values(model.parameters());
            try (TrainingRun run = new TrainingRun(model, options,
                    new TrainingBatches(examples, options, model.config()))) {
                Map<String, float[]> adaptersBefore = values(run.weights().arrays());
                for (int i = 0; i < 10; i++) {
                    run.step(1e-2);
                    for (NDArray weight : model.parameters().values()) {
                        assertThat(weight.hasGradient()).as(weight.getName()).isFalse();
                    }
                }
                Map<String, float[]> adaptersAfter = values(run.weights().arrays());
                assertThat(adaptersAfter).hasSize(2 * 7 * 2);
                assertThat(adaptersAfter.keySet().stream().filter(name -> name.endsWith("lora_B.weight"))
                        .allMatch(name -> TinyModels.maxAbsDifference(adaptersBefore.get(name),
                                adaptersAfter.get(name)) > 0)).isTrue();
            }
            Map<String, float[]> after = values(model.parameters());
            assertThat(after.keySet()).isEqualTo(before.keySet());
            before.forEach((name, values) -> assertThat(after.get(name)).as(name).containsExactly(values));
            assertThat(model.adapters()).isEmpty();
        }
    }

    private static Map<String, float[]> values(Map<String, NDArray> arrays) {
        Map<String, float[]> values = new LinkedHashMap<>();
        arrays.forEach((name, array) -> values.put(name, array.toFloatArray()));
        return values;
    }
}
