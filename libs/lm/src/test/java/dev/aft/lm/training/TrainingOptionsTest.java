package dev.aft.lm.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingOptionsTest {

    @TempDir
    Path folder;

    @Test
    void defaultsAreFullFineTuningWithLinearDecay() {
        TrainingOptions defaults = TrainingOptions.defaults();
        assertThat(defaults.method()).isEqualTo(TrainingOptions.Method.FULL);
        assertThat(defaults.loraRank()).isEqualTo(8);
        assertThat(defaults.loraAlpha()).isEqualTo(16);
        assertThat(defaults.loraTargetModules()).containsExactly("q_proj", "v_proj");
        assertThat(defaults.learningRate()).isEqualTo(1e-3);
        assertThat(defaults.schedule()).isEqualTo(TrainingOptions.Schedule.LINEAR);
        assertThat(defaults.batchSize()).isEqualTo(16);
        assertThat(defaults.steps()).isEqualTo(100);
        assertThat(defaults.epochs()).isZero();
        assertThat(defaults.checkpointEvery()).isEqualTo(50);
        assertThat(defaults.maxGradNorm()).isEqualTo(1.0);
    }

    @Test
    void epochsBecomeCeilOfExamplesOverBatchStepsEach() {
        TrainingOptions options = TrainingOptions.defaults().withBatchSize(16).withEpochs(3);
        assertThat(options.steps()).isZero();
        assertThat(options.totalSteps(33)).isEqualTo(9);
        assertThat(options.totalSteps(32)).isEqualTo(6);
        assertThat(options.withSteps(7).totalSteps(1000)).isEqualTo(7);
    }

    @Test
    void invalidOptionsAreRefusedWithTheirName() {
        TrainingOptions d = TrainingOptions.defaults();
        assertThatThrownBy(() -> new TrainingOptions(d.method(), 8, 16, List.of(), 1e-3, 0, d.schedule(), 0, 16, 10,
                5, 0, false, 0, 1)).hasMessageContaining("exactly one of steps and epochs");
        assertThatThrownBy(() -> d.withSteps(0)).hasMessageContaining("exactly one of steps and epochs");
        assertThatThrownBy(() -> d.withLearningRate(0)).hasMessageContaining("learningRate");
        assertThatThrownBy(() -> d.withBatchSize(0)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> d.withMaxGradNorm(-1)).hasMessageContaining("maxGradNorm");
        assertThatThrownBy(() -> d.withSchedule(-1, TrainingOptions.Schedule.COSINE))
                .hasMessageContaining("warmupSteps");
        assertThatThrownBy(() -> d.withLora(0, 16, List.of("q_proj"))).hasMessageContaining("loraRank");
        assertThatThrownBy(() -> d.withLora(8, 16, List.of("q_proj", "qkv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'qkv'").hasMessageContaining("gate_proj");
        assertThat(d.withLora(8, 16, List.of("gate_proj", "down_proj")).method())
                .isEqualTo(TrainingOptions.Method.LORA);
    }

    @Test
    void examplesLongerThanTheContextOrOutsideTheVocabularyAreRefusedByIndex() throws IOException {
        Path base = TinyModels.write(folder.resolve("base"), 1);
        int[] tooLong = new int[TinyModels.CONTEXT + 1];
        List<TrainingExample> examples = List.of(TrainingExample.of(1, 2, 3),
                new TrainingExample(new int[] {4, 5}, tooLong));
        assertThatThrownBy(() -> FineTuner.train(base, examples, TrainingOptions.defaults(), folder.resolve("work"),
                folder.resolve("out"), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("example 1")
                .hasMessageContaining("limit of " + TinyModels.CONTEXT);
        assertThatThrownBy(() -> FineTuner.train(base, List.of(TrainingExample.of(1, TinyModels.VOCAB)),
                TrainingOptions.defaults(), folder.resolve("work"), folder.resolve("out"), null, null))
                .hasMessageContaining("example 0").hasMessageContaining("token id 64");
        assertThatThrownBy(() -> FineTuner.train(base, List.of(new TrainingExample(new int[0], new int[] {7})),
                TrainingOptions.defaults().withCompletionOnlyLoss(true), folder.resolve("work"),
                folder.resolve("out"), null, null))
                .hasMessageContaining("example 0 has no token to learn");
        assertThat(folder.resolve("work")).doesNotExist();
    }
}
