package dev.aft.lm.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeTest {

    private static final List<TrainingExample> EXAMPLES = List.of(
            TrainingExample.of(5, 17, 42, 8, 33),
            new TrainingExample(new int[] {9}, new int[] {50, 11, 3}),
            TrainingExample.of(13, 1, 38, 55, 7, 19),
            TrainingExample.of(2, 4, 6),
            new TrainingExample(new int[] {60, 61}, new int[] {62, 63, 1, 2}));

    @TempDir
    Path folder;

    @Test
    void cancelledThenResumedRunEndsWithTheWeightsOfAnUninterruptedOne() throws IOException {
        Path base = TinyModels.write(folder.resolve("base"), 2);
        TrainingOptions options = TrainingOptions.defaults().withSteps(12).withBatchSize(2).withCheckpointEvery(4)
                .withSchedule(3, TrainingOptions.Schedule.COSINE).withWeightDecay(0.1).withLearningRate(5e-3);
        TrainingResult straight = FineTuner.train(base, EXAMPLES, options, folder.resolve("work-a"),
                folder.resolve("straight"), null, () -> false);

        List<Integer> checkpoints = new ArrayList<>();
        int[] done = {0};
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(TrainingProgress progress) {
                done[0] = progress.step();
            }

            @Override
            public void onCheckpoint(int step) {
                checkpoints.add(step);
            }
        };
        Path work = folder.resolve("work-b");
        assertThatThrownBy(() -> FineTuner.train(base, EXAMPLES, options, work, folder.resolve("resumed"), listener,
                () -> done[0] >= 6))
                .isInstanceOf(TrainingCancelledException.class)
                .satisfies(e -> assertThat(((TrainingCancelledException) e).step()).isEqualTo(6));
        assertThat(checkpoints).containsExactly(4, 6);
        assertThat(folder.resolve("resumed")).doesNotExist();
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("checkpoint-000000006");
        }

        List<Integer> resumedSteps = new ArrayList<>();
        TrainingResult resumed = FineTuner.train(base, EXAMPLES, options, work, folder.resolve("resumed"),
                p -> resumedSteps.add(p.step()), () -> false);
        assertThat(resumed.resumed()).isTrue();
        assertThat(straight.resumed()).isFalse();
        assertThat(resumedSteps).containsExactly(7, 8, 9, 10, 11, 12);
        assertThat(resumed.steps()).isEqualTo(12);
        assertThat(resumed.tokens()).isEqualTo(straight.tokens());
        assertThat(resumed.finalLoss()).isCloseTo(straight.finalLoss(), org.assertj.core.api.Assertions.within(1e-6));
        Map<String, float[]> expected = TinyModels.weights(folder.resolve("straight"));
        Map<String, float[]> actual = TinyModels.weights(folder.resolve("resumed"));
        expected.forEach((name, values) ->
                assertThat(TinyModels.maxAbsDifference(values, actual.get(name))).as(name).isLessThan(1e-5));
    }

    @Test
    void loraRunResumesToTheSameAdapters() throws IOException {
        Path base = TinyModels.write(folder.resolve("base"), 2, 0.3);
        TrainingOptions options = TrainingOptions.defaults().withLora(2, 4, List.of("k_proj", "o_proj", "up_proj"))
                .withSteps(8).withBatchSize(2).withCheckpointEvery(0).withLearningRate(1e-2);
        FineTuner.train(base, EXAMPLES, options, folder.resolve("work-a"), folder.resolve("straight"), null, null);
        int[] done = {0};
        Path work = folder.resolve("work-b");
        assertThatThrownBy(() -> FineTuner.train(base, EXAMPLES, options, work, folder.resolve("resumed"),
                p -> done[0] = p.step(), () -> done[0] >= 3)).isInstanceOf(TrainingCancelledException.class);
        TrainingResult resumed = FineTuner.train(base, EXAMPLES, options, work, folder.resolve("resumed"), null,
                null);
        assertThat(resumed.resumed()).isTrue();
        Map<String, float[]> expected = TinyModels.weights(folder.resolve("straight/adapter_model.safetensors"));
        Map<String, float[]> actual = TinyModels.weights(folder.resolve("resumed/adapter_model.safetensors"));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, values) ->
                assertThat(TinyModels.maxAbsDifference(values, actual.get(name))).as(name).isLessThan(1e-5));
    }

    @Test
    void checkpointOfDifferentOptionsOrDataIsRefused() throws IOException {
        Path base = TinyModels.write(folder.resolve("base"), 2);
        TrainingOptions options = TrainingOptions.defaults().withSteps(6).withBatchSize(2).withCheckpointEvery(2);
        Path work = folder.resolve("work");
        assertThatThrownBy(() -> FineTuner.train(base, EXAMPLES, options, work, folder.resolve("out"), null,
                () -> Files.exists(work))).isInstanceOf(TrainingCancelledException.class);

        assertThatThrownBy(() -> FineTuner.train(base, EXAMPLES, options.withLearningRate(2e-3), work,
                folder.resolve("out"), null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("different training run")
                .hasMessageContaining("learningRate=0.001")
                .hasMessageContaining("learningRate=0.002");
        assertThatThrownBy(() -> FineTuner.train(base, EXAMPLES.subList(0, 4), options, work, folder.resolve("out"),
                null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the base model or the training examples differ");
        assertThat(folder.resolve("out")).doesNotExist();
        assertThat(FineTuner.train(base, EXAMPLES, options.withCheckpointEvery(3), work, folder.resolve("out"), null,
                null).resumed()).as("checkpointEvery does not change the result").isTrue();
    }
}
