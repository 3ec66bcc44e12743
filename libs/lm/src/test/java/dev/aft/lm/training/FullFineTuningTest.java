package dev.aft.lm.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.lm.model.LlamaModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FullFineTuningTest {

    @TempDir
    Path folder;

    private static final List<TrainingExample> SEQUENCES = List.of(
            TrainingExample.of(5, 17, 42, 8, 33, 21, 60, 2),
            TrainingExample.of(9, 50, 11, 3, 27, 44),
            TrainingExample.of(13, 1, 38, 55, 7, 19, 30));

    @Test
    void memorizesShortSequencesSoThatGreedyDecodingReproducesThem() throws IOException {
        Path base = TinyModels.write(folder.resolve("base"), 1);
        List<Double> losses = new ArrayList<>();
        TrainingOptions options = TrainingOptions.defaults().withSteps(120).withBatchSize(3).withLearningRate(1e-2)
                .withSchedule(5, TrainingOptions.Schedule.CONSTANT).withCheckpointEvery(0);
        TrainingResult result = FineTuner.train(base, SEQUENCES, options, folder.resolve("work"),
                folder.resolve("out"), progress -> losses.add(progress.loss()), () -> false);

        assertThat(losses.get(0)).isGreaterThan(3.5);
        assertThat(result.finalLoss()).isLessThan(0.05);
        assertThat(result.steps()).isEqualTo(120);
        assertThat(result.tokens()).isEqualTo(120L * (8 + 6 + 7));
        assertThat(result.resumed()).isFalse();
        assertThat(folder.resolve("out/config.json")).exists();
        assertThat(folder.resolve("out/tokenizer.json")).hasContent("{\"stand-in\": true}");
        try (LlamaModel trained = LlamaModel.load(folder.resolve("out"))) {
            for (TrainingExample example : SEQUENCES) {
                int[] tokens = example.tokens();
                float[][] logits = TinyModels.logits(trained, tokens);
                for (int t = 0; t + 1 < tokens.length; t++) {
                    assertThat(TinyModels.argmax(logits[t])).as("token after position %d", t).isEqualTo(tokens[t + 1]);
                }
            }
        }
    }

    @Test
    void epochsTrainCeilOfExamplesOverBatchStepsEach() throws IOException {
        Path base = TinyModels.write(folder.resolve("base"), 1);
        TrainingOptions options = TrainingOptions.defaults().withEpochs(3).withBatchSize(2).withCheckpointEvery(0);
        TrainingResult result = FineTuner.train(base, SEQUENCES, options, folder.resolve("work"),
                folder.resolve("out"), null, null);
        assertThat(result.steps()).isEqualTo(6);
        assertThat(result.tokens()).isEqualTo(3L * (8 + 6 + 7));
        assertThat(folder.resolve("work")).as("no checkpoints when checkpointEvery is 0").doesNotExist();
    }
}
