package dev.aft.lm.training;

import java.time.Duration;

/**
 * What one optimizer step did.
 *
 * @param step             steps done so far, counting those of a run this one resumed (1 after the first)
 * @param totalSteps       steps the run will take
 * @param loss             mean cross-entropy over the counted tokens of this step's batch
 * @param learningRate     learning rate used for this step
 * @param tokens           sequence tokens (prompt and completion, no padding) trained on so far, resumed
 *                         run included
 * @param tokensPerSecond  tokens per second of wall time since this call started
 * @param elapsed          wall time since this call started
 */
public record TrainingProgress(int step, int totalSteps, double loss, double learningRate, long tokens,
        double tokensPerSecond, Duration elapsed) {
}
