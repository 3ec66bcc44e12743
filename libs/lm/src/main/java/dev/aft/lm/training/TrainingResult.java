package dev.aft.lm.training;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A finished fine-tuning run.
 *
 * @param output    the folder written: a Hugging Face model (full) or a PEFT adapter (LoRA)
 * @param steps     optimizer steps of the whole run, resumed part included
 * @param finalLoss loss of the last step's batch
 * @param tokens    sequence tokens trained on, resumed part included
 * @param duration  wall time of this call (not of an interrupted run it resumed)
 * @param resumed   whether this call continued from a checkpoint in the work folder
 */
public record TrainingResult(Path output, int steps, double finalLoss, long tokens, Duration duration,
        boolean resumed) {
}
