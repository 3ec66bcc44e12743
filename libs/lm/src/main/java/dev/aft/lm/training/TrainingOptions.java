package dev.aft.lm.training;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How to fine-tune.
 *
 * @param method             {@link Method#FULL} trains every weight; {@link Method#LORA} trains low-rank adapters
 *                           on {@code loraTargetModules} and leaves the base weights untouched
 * @param loraRank           adapter rank r (LoRA only, >= 1)
 * @param loraAlpha          adapter scale numerator: the adapter adds {@code (alpha / r) * B * A}
 * @param loraTargetModules  PEFT short names of the adapted projections: q_proj, k_proj, v_proj, o_proj,
 *                           gate_proj, up_proj, down_proj
 * @param learningRate       peak learning rate (> 0)
 * @param warmupSteps        steps of linear warm-up from lr/warmup to lr (0 for none)
 * @param schedule           learning rate after warm-up: constant, or decaying linearly or along a cosine to 0 at
 *                           the end of training
 * @param weightDecay        decoupled AdamW weight decay; never applied to 1-D (norm) weights
 * @param batchSize          sequences per step
 * @param steps              optimizer steps, or 0 when {@code epochs} is given
 * @param epochs             passes over the data, or 0 when {@code steps} is given; one epoch is
 *                           {@code ceil(examples / batchSize)} steps
 * @param seed               data order and LoRA initialization
 * @param completionOnlyLoss learn only the completion tokens, not the prompt tokens
 * @param checkpointEvery    steps between checkpoints in the work folder (0: only when cancelled)
 * @param maxGradNorm        global gradient-norm clipping threshold (0 for none)
 */
public record TrainingOptions(Method method, int loraRank, double loraAlpha, List<String> loraTargetModules,
        double learningRate, int warmupSteps, Schedule schedule, double weightDecay, int batchSize, int steps,
        int epochs, long seed, boolean completionOnlyLoss, int checkpointEvery, double maxGradNorm) {

    /** What is trained. */
    public enum Method { FULL, LORA }

    /** Learning rate after warm-up. */
    public enum Schedule { CONSTANT, LINEAR, COSINE }

    /** The projections LoRA can adapt, by PEFT's short module name. */
    public static final List<String> LORA_MODULES =
            List.of("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj");

    public TrainingOptions {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(schedule, "schedule");
        loraTargetModules = List.copyOf(Objects.requireNonNull(loraTargetModules, "loraTargetModules"));
        if (method == Method.LORA) {
            if (loraRank < 1) {
                throw new IllegalArgumentException("loraRank must be >= 1, got " + loraRank);
            }
            if (!(loraAlpha > 0) || Double.isInfinite(loraAlpha)) {
                throw new IllegalArgumentException("loraAlpha must be a positive number, got " + loraAlpha);
            }
            if (loraTargetModules.isEmpty()) {
                throw new IllegalArgumentException("loraTargetModules must name at least one of " + LORA_MODULES);
            }
            Set<String> seen = new LinkedHashSet<>();
            for (String module : loraTargetModules) {
                if (!LORA_MODULES.contains(module)) {
                    throw new IllegalArgumentException("Unknown LoRA target module '" + module + "'; known: "
                            + LORA_MODULES);
                }
                if (!seen.add(module)) {
                    throw new IllegalArgumentException("LoRA target module '" + module + "' is listed twice");
                }
            }
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be a positive number, got " + learningRate);
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmupSteps must be >= 0, got " + warmupSteps);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be >= 0, got " + weightDecay);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (steps < 0 || epochs < 0 || (steps > 0) == (epochs > 0)) {
            throw new IllegalArgumentException("Give exactly one of steps and epochs (the other 0), got steps "
                    + steps + " and epochs " + epochs);
        }
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException("checkpointEvery must be >= 0 (0: only when cancelled), got "
                    + checkpointEvery);
        }
        if (!(maxGradNorm >= 0) || Double.isInfinite(maxGradNorm)) {
            throw new IllegalArgumentException("maxGradNorm must be >= 0 (0: no clipping), got " + maxGradNorm);
        }
    }

    /**
     * Full fine-tuning, LoRA settings r 8 / alpha 16 on q_proj and v_proj, learning rate 1e-3 with 10 warm-up
     * steps and linear decay, no weight decay, batch 16, 100 steps, seed 0, loss on every token, a checkpoint
     * every 50 steps, gradient norm clipped at 1.
     */
    public static TrainingOptions defaults() {
        return new TrainingOptions(Method.FULL, 8, 16, List.of("q_proj", "v_proj"), 1e-3, 10, Schedule.LINEAR, 0.0,
                16, 100, 0, 0, false, 50, 1.0);
    }

    /** Optimizer steps for {@code examples} training examples. */
    public int totalSteps(int examples) {
        if (steps > 0) {
            return steps;
        }
        return Math.toIntExact(Math.multiplyExact((long) batchesPerEpoch(examples), epochs));
    }

    /** Steps that see every example once. */
    public int batchesPerEpoch(int examples) {
        return (examples + batchSize - 1) / batchSize;
    }

    /**
     * Learning rate of step {@code step} (0-based) of {@code totalSteps}: {@code lr * (step + 1) / warmup}
     * during warm-up, then constant, or decaying with progress {@code p = (step - warmup) / (total - warmup)}
     * as {@code lr * (1 - p)} (linear) or {@code lr * (1 + cos(pi * p)) / 2} (cosine), reaching 0 one step
     * after the last.
     */
    public double learningRateAt(int step, int totalSteps) {
        if (step < warmupSteps) {
            return learningRate * (step + 1) / warmupSteps;
        }
        if (schedule == Schedule.CONSTANT) {
            return learningRate;
        }
        double progress = (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps);
        progress = Math.min(1.0, progress);
        return schedule == Schedule.LINEAR ? learningRate * (1 - progress)
                : learningRate * 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    /** Scale of the adapter's contribution, {@code alpha / r}. */
    public double loraScale() {
        return loraAlpha / loraRank;
    }

    public TrainingOptions withMethod(Method method) {
        return new TrainingOptions(method, loraRank, loraAlpha, loraTargetModules, learningRate, warmupSteps,
                schedule, weightDecay, batchSize, steps, epochs, seed, completionOnlyLoss, checkpointEvery,
                maxGradNorm);
    }

    /** LoRA with the given rank, alpha and target modules. */
    public TrainingOptions withLora(int rank, double alpha, List<String> targetModules) {
        return new TrainingOptions(Method.LORA, rank, alpha, targetModules, learningRate, warmupSteps, schedule,
                weightDecay, batchSize, steps, epochs, seed, completionOnlyLoss, checkpointEvery, maxGradNorm);
    }

    public TrainingOptions withLearningRate(double learningRate) {
        return new TrainingOptions(method, loraRank, loraAlpha, loraTargetModules, learningRate, warmupSteps,
                schedule, weightDecay, batchSize, steps, epochs, seed, completionOnlyLoss, checkpointEvery,
                maxGradNorm);
    }

    /** Warm-up steps and the schedule after them. */
    public TrainingOptions withSchedule(int warmupSteps, Schedule schedule) {
        return new TrainingOptions(method, loraRank, loraAlpha, loraTargetModules, learningRate, warmupSteps,
                schedule, weightDecay, batchSize, steps, epochs, seed, completionOnlyLoss, checkpointEvery,
                maxGradNorm);
    }

    public TrainingOptions withWeightDecay(double weightDecay) {
        return new TrainingOptions(method, loraRank, loraAlpha, loraTargetModules, learningRate, warmupSteps,
                schedule, weightDecay, batchSize, steps, epochs, seed, completionOnlyLoss, checkpointEvery,
                maxGradNorm);
    }

    public TrainingOptions withBatchSize(int batchSize) {
        return new TrainingOptions(method, loraRank, loraAlpha, loraTargetModules, learningRate, warmupSteps,
                schedule, weightDecay, batchSize, steps, epochs, seed, completionOnlyLoss, checkpointEvery,
                maxGradNorm);
    }

    /** A fixed number of steps (epochs 0). */
    public TrainingOptions withSteps(int steps) {
        return new TrainingOptions(method, loraRank, loraAlpha, loraTargetModules, learningRate, warmupSteps,
                schedule, weightDecay, batchSize, steps, 0, seed, completionOnlyLoss, checkpointEvery, maxGradNorm);
    }

    /** A number of passes over the data (steps 0). */
    public TrainingOptions withEpochs(int epochs) {
        return new TrainingOptions(method, loraRank, loraAlpha, loraTargetModules, learningRate, warmupSteps,
                schedule, weightDecay, batchSize, 0, epochs, seed, completionOnlyLoss, checkpointEvery, maxGradNorm);
    }

    public TrainingOptions withSeed(long seed) {
        return new TrainingOptions(method, loraRank, loraAlpha, loraTargetModules, learningRate, warmupSteps,
                schedule, weightDecay, batchSize, steps, epochs, seed, completionOnlyLoss, checkpointEvery,
                maxGradNorm);
    }

    public TrainingOptions withCompletionOnlyLoss(boolean completionOnlyLoss) {
        return new TrainingOptions(method, loraRank, loraAlpha, loraTargetModules, learningRate, warmupSteps,
                schedule, weightDecay, batchSize, steps, epochs, seed, completionOnlyLoss, checkpointEvery,
                maxGradNorm);
    }

    public TrainingOptions withCheckpointEvery(int checkpointEvery) {
        return new TrainingOptions(method, loraRank, loraAlpha, loraTargetModules, learningRate, warmupSteps,
                schedule, weightDecay, batchSize, steps, epochs, seed, completionOnlyLoss, checkpointEvery,
                maxGradNorm);
    }

    public TrainingOptions withMaxGradNorm(double maxGradNorm) {
        return new TrainingOptions(method, loraRank, loraAlpha, loraTargetModules, learningRate, warmupSteps,
                schedule, weightDecay, batchSize, steps, epochs, seed, completionOnlyLoss, checkpointEvery,
                maxGradNorm);
    }

    /**
     * The settings that decide the trained weights, as text: everything but {@code checkpointEvery}, and the
     * LoRA settings only for LoRA. A checkpoint is resumed only under the same description.
     */
    String describeTraining() {
        List<String> parts = new ArrayList<>();
        parts.add("method=" + method);
        if (method == Method.LORA) {
            parts.add("loraRank=" + loraRank);
            parts.add("loraAlpha=" + loraAlpha);
            parts.add("loraTargetModules=" + loraTargetModules);
        }
        parts.add("learningRate=" + learningRate);
        parts.add("warmupSteps=" + warmupSteps);
        parts.add("schedule=" + schedule);
        parts.add("weightDecay=" + weightDecay);
        parts.add("batchSize=" + batchSize);
        parts.add("steps=" + steps);
        parts.add("epochs=" + epochs);
        parts.add("seed=" + seed);
        parts.add("completionOnlyLoss=" + completionOnlyLoss);
        parts.add("maxGradNorm=" + maxGradNorm);
        return String.join(", ", parts);
    }
}
