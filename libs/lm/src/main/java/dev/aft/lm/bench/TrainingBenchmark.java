package dev.aft.lm.bench;

import dev.aft.lm.checkpoint.LlamaConfig;
import dev.aft.lm.model.LlamaModel;
import dev.aft.lm.training.FineTuner;
import dev.aft.lm.training.TrainingExample;
import dev.aft.lm.training.TrainingListener;
import dev.aft.lm.training.TrainingOptions;
import dev.aft.lm.training.TrainingProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Times full and LoRA (r 8 on q_proj, v_proj) fine-tuning of a ~4M-parameter Llama (hidden 256, MLP 688,
 * 4 layers, 4 heads, vocabulary 2,000, context 256, tied embeddings) on batches of 16 random 128-token
 * sequences, through {@link FineTuner#train}: 5 warm-up steps, then 20 measured ones. Run with
 * {@code libs/lm/benchmark-training.sh}; arguments: {@code [measured steps] [warm-up steps] [full|lora|both]}.
 * Besides the mean it prints the fastest step, which on a machine shared with other processes is the better
 * guess at what the code does alone, and the process CPU time per step.
 */
public final class TrainingBenchmark {

    private static final int BATCH = 16;
    private static final int LENGTH = 128;

    private TrainingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String which = args.length > 2 ? args[2] : "both";
        LlamaConfig config = LlamaConfig.of(256, 688, 4, 4, 4, 2000, 256, true);
        Path folder = Files.createTempDirectory("aft-training-benchmark");
        try {
            Path base = folder.resolve("base");
            try (LlamaModel model = LlamaModel.randomlyInitialized(config, 1, 0.02)) {
                model.save(base);
                long parameters = model.parameters().values().stream().mapToLong(a -> a.size()).sum();
                System.out.printf("model: %,d parameters, %d layers, hidden %d, vocab %d; torch threads: %s%n",
                        parameters, config.numHiddenLayers(), config.hiddenSize(), config.vocabSize(),
                        System.getProperty("ai.djl.pytorch.num_threads", "default"));
            }
            Random random = new Random(7);
            List<TrainingExample> examples = new ArrayList<>();
            for (int i = 0; i < BATCH * (measured + warmup); i++) {
                examples.add(TrainingExample.of(random.ints(LENGTH, 0, config.vocabSize()).toArray()));
            }
            TrainingOptions full = TrainingOptions.defaults().withSteps(measured + warmup).withBatchSize(BATCH)
                    .withCheckpointEvery(0).withLearningRate(1e-4);
            if (!which.equals("lora")) {
                run("full", base, examples, full, folder, warmup);
            }
            if (!which.equals("full")) {
                run("LoRA r 8 (q_proj, v_proj)", base, examples, full.withLora(8, 16, List.of("q_proj", "v_proj")),
                        folder, warmup);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void run(String name, Path base, List<TrainingExample> examples, TrainingOptions options,
            Path folder, int warmup) {
        List<TrainingProgress> steps = new ArrayList<>();
        long[] cpuAtWarmup = new long[1];
        TrainingListener listener = progress -> {
            steps.add(progress);
            if (progress.step() == warmup) {
                cpuAtWarmup[0] = processCpuNanos();
            }
        };
        long rssBefore = residentMegabytes();
        FineTuner.train(base, examples, options, folder.resolve("work-" + options.method()),
                folder.resolve("out-" + options.method()), listener, () -> false);
        TrainingProgress first = steps.get(warmup - 1);
        TrainingProgress last = steps.get(steps.size() - 1);
        double seconds = (last.elapsed().toNanos() - first.elapsed().toNanos()) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuAtWarmup[0]) / 1e9;
        long tokens = last.tokens() - first.tokens();
        int measured = last.step() - first.step();
        long fastest = Long.MAX_VALUE;
        for (int i = warmup; i < steps.size(); i++) {
            fastest = Math.min(fastest, steps.get(i).elapsed().toNanos() - steps.get(i - 1).elapsed().toNanos());
        }
        System.out.printf("training, %s, batch %d x %d tokens: %,.0f tokens/s (%d steps in %.2f s, %.0f ms/step, "
                + "fastest %.0f ms = %,.0f tokens/s, %.0f ms CPU/step; loss %.3f -> %.3f; RSS %d -> %d MB)%n", name,
                BATCH, LENGTH, tokens / seconds, measured, seconds, 1000 * seconds / measured, fastest / 1e6,
                (double) BATCH * LENGTH / (fastest / 1e9), 1000 * cpuSeconds / measured, steps.get(0).loss(),
                last.loss(), rssBefore, residentMegabytes());
    }

    /** CPU time of the whole process (every thread, PyTorch's included), or 0 where the JVM cannot tell. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean bean = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return bean instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    /** Resident memory of this process from /proc (Linux), or -1. */
    private static long residentMegabytes() {
        try {
            String[] statm = Files.readString(Path.of("/proc/self/statm")).trim().split(" ");
            return Long.parseLong(statm[1]) * 4096 / (1024 * 1024);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
