package dev.aft.lm.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.aft.lm.model.LlamaModel;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Log-probabilities of every prompt token under a model, computed in padded batches: for a sequence
 * {@code t0 .. t(n-1)} the result holds {@code log P(tj | t0 .. t(j-1))} for {@code j = 1 .. n-1} (the first
 * token has no context and so no score). Sequences are grouped by length to keep padding small; padding
 * sits to the right, where causal attention keeps it from changing any real token's score.
 */
public final class LikelihoodScorer {

    private final LlamaModel model;
    private final int maxBatchSize;

    public LikelihoodScorer(LlamaModel model, int maxBatchSize) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, got " + maxBatchSize);
        }
        this.model = model;
        this.maxBatchSize = maxBatchSize;
    }

    /** One array per sequence, in input order, of length {@code sequence.length - 1}. */
    public List<float[]> tokenLogProbs(List<int[]> sequences) {
        Integer[] order = new Integer[sequences.size()];
        for (int i = 0; i < order.length; i++) {
            validate(i, sequences.get(i));
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> sequences.get(i).length).reversed());
        float[][] results = new float[sequences.size()][];
        for (int start = 0; start < order.length; start += maxBatchSize) {
            List<Integer> batch = Arrays.asList(order).subList(start, Math.min(order.length, start + maxBatchSize));
            scoreBatch(sequences, batch, results);
        }
        return List.of(results);
    }

    private void scoreBatch(List<int[]> sequences, List<Integer> batch, float[][] results) {
        // Sorted longest first: the first sequence sets the padded length.
        int predicted = sequences.get(batch.get(0)).length - 1;
        if (predicted == 0) {
            batch.forEach(i -> results[i] = new float[0]);
            return;
        }
        long[][] inputs = new long[batch.size()][predicted];
        long[][] targets = new long[batch.size()][predicted];
        for (int row = 0; row < batch.size(); row++) {
            int[] tokens = sequences.get(batch.get(row));
            for (int j = 0; j < tokens.length - 1; j++) {
                inputs[row][j] = tokens[j];
                targets[row][j] = tokens[j + 1];
            }
        }
        float[] scores;
        try (NDManager scope = NDManager.newBaseManager()) {
            NDArray logits = model.logits(scope.create(inputs));
            NDArray targetIds = scope.create(targets).expandDims(2);
            scores = logits.logSoftmax(2).gather(targetIds, 2).toFloatArray();
        }
        for (int row = 0; row < batch.size(); row++) {
            int length = sequences.get(batch.get(row)).length - 1;
            results[batch.get(row)] = Arrays.copyOfRange(scores, row * predicted, row * predicted + length);
        }
    }

    private void validate(int index, int[] tokens) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("Sequence " + index + " is empty");
        }
        int vocab = model.config().vocabSize();
        for (int token : tokens) {
            if (token < 0 || token >= vocab) {
                throw new IllegalArgumentException("Sequence " + index + " holds token id " + token
                        + " outside the vocabulary 0.." + (vocab - 1));
            }
        }
        if (tokens.length > model.config().maxPositionEmbeddings()) {
            throw new IllegalArgumentException("Sequence " + index + " has " + tokens.length
                    + " tokens; the model's context is " + model.config().maxPositionEmbeddings());
        }
    }
}
