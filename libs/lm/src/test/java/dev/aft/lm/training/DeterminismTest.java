package dev.aft.lm.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {

    private static final List<TrainingExample> EXAMPLES = List.of(
            TrainingExample.of(5, 17, 42, 8, 33),
            TrainingExample.of(9, 50, 11, 3),
            TrainingExample.of(13, 1, 38, 55, 7, 19),
            TrainingExample.of(2, 4, 6),
            TrainingExample.of(60, 61, 62, 63, 1, 2));

    @TempDir
    Path folder;

    @Test
    void sameSeedGivesIdenticalWeightsAndAnotherSeedDifferentOnes() throws IOException {
        Path base = TinyModels.write(folder.resolve("base"), 6);
        TrainingOptions options = TrainingOptions.defaults().withSteps(6).withBatchSize(2).withCheckpointEvery(0)
                .withLearningRate(1e-2).withSeed(11);
        Map<String, float[]> first = train(base, options, "a");
        Map<String, float[]> second = train(base, options, "b");
        Map<String, float[]> otherSeed = train(base, options.withSeed(12), "c");
        first.forEach((name, values) -> assertThat(second.get(name)).as(name).containsExactly(values));
        assertThat(first.keySet().stream().mapToDouble(name -> TinyModels.maxAbsDifference(first.get(name),
                otherSeed.get(name))).max().orElseThrow()).isGreaterThan(1e-4);
    }

    @Test
    void loraInitializationAndOrderFollowTheSeed() throws IOException {
        Path base = TinyModels.write(folder.resolve("base"), 6, 0.3);
        TrainingOptions options = TrainingOptions.defaults().withLora(2, 4, List.of("q_proj")).withSteps(4)
                .withBatchSize(2).withCheckpointEvery(0).withSeed(3);
        Map<String, float[]> first = trainAdapter(base, options, "a");
        Map<String, float[]> second = trainAdapter(base, options, "b");
        Map<String, float[]> otherSeed = trainAdapter(base, options.withSeed(4), "c");
        first.forEach((name, values) -> assertThat(second.get(name)).as(name).containsExactly(values));
        String a = "base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight";
        assertThat(TinyModels.maxAbsDifference(first.get(a), otherSeed.get(a))).isGreaterThan(1e-3);
    }

    @Test
    void batchOfAStepDependsOnlyOnSeedAndStepAndEachEpochSeesEveryExampleOnce() {
        TrainingOptions options = TrainingOptions.defaults().withBatchSize(2).withSeed(5);
        TrainingBatches batches = new TrainingBatches(EXAMPLES, options, TinyModels.config());
        TrainingBatches.Batch late = batches.batch(7);
        batches.batch(0);
        TrainingBatches fresh = new TrainingBatches(EXAMPLES, options, TinyModels.config());
        assertThat(fresh.batch(7).inputs()).containsExactly(late.inputs());
        for (int epoch = 0; epoch < 3; epoch++) {
            assertThat(batches.order(epoch)).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        }
        assertThat(batches.order(0)).isNotEqualTo(batches.order(1));
        assertThat(batches.batch(2).rows()).as("last batch of an epoch of 5 in batches of 2").isEqualTo(1);
    }

    @Test
    void rowsOfABatchHaveSimilarLengthsAndTheBatchOrderChangesEveryEpoch() {
        java.util.Random random = new java.util.Random(3);
        List<TrainingExample> mixed = new java.util.ArrayList<>();
        for (int i = 0; i < 96; i++) {
            int[] tokens = new int[2 + random.nextInt(22)];
            java.util.Arrays.fill(tokens, 1 + random.nextInt(60));
            mixed.add(TrainingExample.of(tokens));
        }
        TrainingOptions options = TrainingOptions.defaults().withBatchSize(4).withSeed(9);
        TrainingBatches batches = new TrainingBatches(mixed, options, TinyModels.config());
        long padded = 0;
        long real = 0;
        for (int step = 0; step < 24; step++) {
            TrainingBatches.Batch batch = batches.batch(step);
            padded += (long) batch.rows() * (batch.length() + 1);
            real += batch.tokens();
        }
        assertThat(real).isEqualTo(mixed.stream().mapToLong(TrainingExample::length).sum());
        assertThat((double) (padded - real) / padded).as("share of padding in an epoch").isLessThan(0.1);
        assertThat(batches.order(0)).isNotEqualTo(batches.order(1));
        assertThat(batches.order(1)).containsExactlyInAnyOrder(java.util.stream.IntStream.range(0, 96).boxed()
                .toArray(Integer[]::new));
    }

    private Map<String, float[]> train(Path base, TrainingOptions options, String name) {
        FineTuner.train(base, EXAMPLES, options, folder.resolve("work-" + name), folder.resolve(name), null, null);
        return TinyModels.weights(folder.resolve(name));
    }

    private Map<String, float[]> trainAdapter(Path base, TrainingOptions options, String name) {
        FineTuner.train(base, EXAMPLES, options, folder.resolve("work-" + name), folder.resolve(name), null, null);
        return TinyModels.weights(folder.resolve(name).resolve("adapter_model.safetensors"));
    }
}
