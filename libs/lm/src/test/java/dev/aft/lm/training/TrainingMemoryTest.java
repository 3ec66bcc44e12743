package dev.aft.lm.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.aft.lm.model.LlamaModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingMemoryTest {

    @Test
    void twoHundredStepsLeaveNoArraysBehindAndRecordNoUpdates() {
        List<TrainingExample> examples = List.of(TrainingExample.of(1, 2, 3, 4, 5, 6, 7, 8),
                new TrainingExample(new int[] {9, 10}, new int[] {11, 12, 13}));
        TrainingOptions options = TrainingOptions.defaults().withSteps(200).withBatchSize(2).withWeightDecay(0.01);
        try (NDManager probe = NDManager.newBaseManager();
                LlamaModel model = LlamaModel.randomlyInitialized(TinyModels.config(), 9, 0.02);
                TrainingRun run = new TrainingRun(model, options,
                        new TrainingBatches(examples, options, model.config()))) {
            NDManager system = probe.getParentManager();
            // libtorch turns gradient recording on in new threads: the run must not depend on the caller.
            GradientRecording.set(true);
            for (int i = 0; i < 20; i++) {
                run.step(1e-3);
            }
            int arrays = system.getManagedArrays().size();
            long resident = residentBytes();
            for (int i = 0; i < 180; i++) {
                run.step(1e-3);
            }
            assertThat(system.getManagedArrays().size()).isEqualTo(arrays);
            assertThat(GradientRecording.isOn()).isFalse();
            // Recorded in-place updates of a weight that requires a gradient would fail in libtorch, so the steps
            // above succeeding with recording switched on shows the updates run unrecorded.
            for (NDArray weight : model.parameters().values()) {
                assertThat(weight.hasGradient()).as(weight.getName()).isTrue();
            }
            if (resident > 0) {
                assertThat(residentBytes() - resident).as("resident memory growth").isLessThan(64L << 20);
            }
        }
    }

    private static long residentBytes() {
        try {
            String[] statm = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/statm")).split(" ");
            return Long.parseLong(statm[1]) * 4096;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }
}
