package dev.aft.lm.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.aft.lm.model.LlamaModel;

/**
 * The in-memory state of a run: the model, what is trained, the optimizer and the step count. One
 * {@link #step(double)} is one optimizer step; its arrays live in a manager closed at the end of it.
 */
final class TrainingRun implements AutoCloseable {

    /** DJL's PyTorch gradient collector is process-wide: one forward and backward pass at a time. */
    private static final Object GRADIENT_COLLECTION = new Object();

    private final LlamaModel model;
    private final TrainingOptions options;
    private final TrainingBatches batches;
    private final TrainableWeights weights;
    private final AdamW optimizer;
    private long tokens;
    private double loss = Double.NaN;
    private int recomputed;

    /** Forward and backward passes of one step before a non-finite gradient counts as divergence. */
    static final int GRADIENT_ATTEMPTS = 3;

    TrainingRun(LlamaModel model, TrainingOptions options, TrainingBatches batches) {
        this.model = model;
        this.options = options;
        this.batches = batches;
        this.weights = options.method() == TrainingOptions.Method.LORA ? TrainableWeights.lora(model, options)
                : TrainableWeights.full(model);
        this.optimizer = new AdamW(weights.arrays(), weights.decayed(), options.weightDecay());
        weights.requireGradients(true);
    }

    void restore(TrainingCheckpoint.Contents checkpoint) {
        weights.restore(checkpoint.weights());
        optimizer.restore(checkpoint.optimizer(), checkpoint.state().step());
        tokens = checkpoint.state().tokens();
        loss = checkpoint.state().loss();
    }

    /**
     * Runs the next step at {@code learningRate}; returns its loss (non-finite when training diverged: nothing
     * was updated then, and the step count stays). A finite loss whose gradient is not finite is recomputed, up to
     * {@link #GRADIENT_ATTEMPTS} times in all: PyTorch's CPU backward on more than one thread rarely writes
     * garbage into the gradients of a LoRA run (about one step in a hundred; the same step recomputed is
     * exact, as the step's inputs are unchanged), and an optimizer update from such a gradient would turn
     * every moment into NaN.
     */
    double step(double learningRate) {
        TrainingBatches.Batch batch = batches.batch(optimizer.step());
        for (int attempt = 1; ; attempt++) {
            loss = forwardAndBackward(batch);
            if (!Double.isFinite(loss)) {
                weights.zeroGradients();
                return loss;
            }
            double norm = optimizer.update(learningRate, options.maxGradNorm());
            if (Double.isFinite(norm)) {
                tokens += batch.tokens();
                return loss;
            }
            recomputed++;
            if (attempt == GRADIENT_ATTEMPTS) {
                throw new IllegalStateException("Training diverged: the gradient of step " + (optimizer.step() + 1)
                        + " is not finite (norm " + norm + ", loss " + loss + ") in " + GRADIENT_ATTEMPTS
                        + " attempts; try a lower learning rate (" + options.learningRate() + ")");
            }
        }
    }

    /** Fills the trainable arrays' gradients for {@code batch}; returns the batch's loss. */
    private double forwardAndBackward(TrainingBatches.Batch batch) {
        try (NDManager scope = NDManager.newBaseManager()) {
            Shape shape = new Shape(batch.rows(), batch.length());
            NDArray inputs = scope.create(batch.inputs(), shape);
            NDArray targets = scope.create(batch.targets(), shape);
            NDArray mask = scope.create(batch.mask(), shape);
            NDArray lossArray;
            synchronized (GRADIENT_COLLECTION) {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    lossArray = MaskedCrossEntropy.loss(model.logits(inputs), targets, mask, batch.counted());
                    collector.backward(lossArray);
                }
                GradientRecording.set(false);
            }
            return lossArray.getFloat();
        }
    }

    /** Steps whose non-finite gradient was recomputed so far (in this process). */
    int recomputedSteps() {
        return recomputed;
    }

    /** Steps done. */
    int step() {
        return optimizer.step();
    }

    long tokens() {
        return tokens;
    }

    double loss() {
        return loss;
    }

    TrainableWeights weights() {
        return weights;
    }

    AdamW optimizer() {
        return optimizer;
    }

    /** Back to the inference state: nothing requires a gradient any more. */
    void finish() {
        weights.requireGradients(false);
    }

    @Override
    public void close() {
        weights.requireGradients(false);
        weights.close();
        optimizer.close();
    }
}
