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

    /** Runs the next step at {@code learningRate}; returns its loss. */
    double step(double learningRate) {
        TrainingBatches.Batch batch = batches.batch(optimizer.step());
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
            loss = lossArray.getFloat();
        }
        optimizer.update(learningRate, options.maxGradNorm());
        tokens += batch.tokens();
        return loss;
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
