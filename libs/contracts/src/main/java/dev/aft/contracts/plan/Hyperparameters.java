package dev.aft.contracts.plan;

import static dev.aft.contracts.Checks.check;
import static dev.aft.contracts.Checks.positive;
import static dev.aft.contracts.Checks.required;

import dev.aft.contracts.OptionalField;

/**
 * Fine-tuning hyperparameters. {@code lora} is present exactly when {@code method} is {@link TrainingMethod#LORA}.
 */
public record Hyperparameters(
        int steps,
        int batchSize,
        double learningRate,
        TrainingMethod method,
        @OptionalField LoraOptions lora,
        long seed) {

    public Hyperparameters {
        positive(steps, "steps");
        positive(batchSize, "batchSize");
        positive(learningRate, "learningRate");
        required(method, "method");
        check(method != TrainingMethod.LORA || lora != null, "lora", "is required when method is lora");
        check(method != TrainingMethod.FULL || lora == null, "lora", "must be absent when method is full");
    }

    /** The paper's batch 16 and learning rate 3e-4, with steps scaled to the reference model. */
    public static Hyperparameters defaults() {
        return new Hyperparameters(300, 16, 3e-4, TrainingMethod.FULL, null, 1234);
    }
}
