package dev.aft.lm.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.aft.lm.model.LlamaModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionOnlyLossTest {

    private static final List<TrainingExample> EXAMPLES = List.of(
            new TrainingExample(new int[] {10, 11, 12}, new int[] {20, 21}),
            new TrainingExample(new int[] {}, new int[] {30, 31, 32, 33, 34, 35}),
            new TrainingExample(new int[] {40}, new int[] {41}));

    @TempDir
    Path folder;

    @Test
    void maskCountsOnlyCompletionTargetsAndNeverPadding() {
        TrainingOptions options = TrainingOptions.defaults().withBatchSize(3).withCompletionOnlyLoss(true);
        TrainingBatches.Batch batch = new TrainingBatches(EXAMPLES, options, TinyModels.config()).batch(0);
        assertThat(batch.length()).isEqualTo(5);
        int[] order = new TrainingBatches(EXAMPLES, options, TinyModels.config()).order(0);
        for (int row = 0; row < 3; row++) {
            TrainingExample example = EXAMPLES.get(order[row]);
            float[] mask = new float[5];
            System.arraycopy(batch.mask(), row * 5, mask, 0, 5);
            float[] expected = switch (example.length()) {
                case 5 -> new float[] {0, 0, 1, 1, 0};
                case 6 -> new float[] {1, 1, 1, 1, 1};
                default -> new float[] {1, 0, 0, 0, 0};
            };
            assertThat(mask).as("row of %s", example).containsExactly(expected);
        }
        assertThat(batch.counted()).isEqualTo(2 + 5 + 1);
        assertThat(batch.tokens()).isEqualTo(5 + 6 + 2);

        TrainingBatches.Batch all = new TrainingBatches(EXAMPLES, options.withCompletionOnlyLoss(false),
                TinyModels.config()).batch(0);
        assertThat(all.counted()).isEqualTo(4 + 5 + 1);
    }

    @Test
    void lossIgnoresTheTargetsOfMaskedPositions() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = manager.randomNormal(new Shape(1, 3, 8));
            NDArray mask = manager.create(new float[] {0, 1, 1}, new Shape(1, 3));
            float loss = MaskedCrossEntropy.loss(logits, manager.create(new long[] {1, 2, 3}, new Shape(1, 3)), mask, 2)
                    .getFloat();
            float changed = MaskedCrossEntropy.loss(logits, manager.create(new long[] {7, 2, 3}, new Shape(1, 3)),
                    mask, 2).getFloat();
            float counted = MaskedCrossEntropy.loss(logits, manager.create(new long[] {1, 5, 3}, new Shape(1, 3)),
                    mask, 2).getFloat();
            assertThat(changed).isEqualTo(loss);
            assertThat(counted).isNotEqualTo(loss);
        }
    }

    @Test
    void firstStepLossIsTheMeanNegativeLogProbabilityOfTheCompletionTokens() throws IOException {
        Path base = TinyModels.write(folder.resolve("base"), 8, 0.3);
        double completionOnly = firstLoss(base, true);
        double everyToken = firstLoss(base, false);
        List<Double> completion = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        try (LlamaModel model = LlamaModel.load(base)) {
            for (TrainingExample example : EXAMPLES) {
                int[] tokens = example.tokens();
                float[][] logits = TinyModels.logits(model, tokens);
                for (int t = 1; t < tokens.length; t++) {
                    double nll = -TinyModels.logProbability(logits[t - 1], tokens[t]);
                    all.add(nll);
                    if (t >= example.prompt().length) {
                        completion.add(nll);
                    }
                }
            }
        }
        assertThat(completionOnly).isCloseTo(mean(completion), within(1e-4));
        assertThat(everyToken).isCloseTo(mean(all), within(1e-4));
        assertThat(Math.abs(completionOnly - everyToken)).isGreaterThan(1e-3);
    }

    private double firstLoss(Path base, boolean completionOnly) {
        List<Double> losses = new ArrayList<>();
        TrainingOptions options = TrainingOptions.defaults().withSteps(1).withBatchSize(4).withCheckpointEvery(0)
                .withCompletionOnlyLoss(completionOnly);
        FineTuner.train(base, EXAMPLES, options, folder.resolve("work"), folder.resolve("out-" + completionOnly),
                p -> losses.add(p.loss()), () -> false);
        return losses.get(0);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
