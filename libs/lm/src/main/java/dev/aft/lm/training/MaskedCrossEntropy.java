package dev.aft.lm.training;

import ai.djl.ndarray.NDArray;

/** Next-token cross-entropy averaged over the learned (mask 1) positions of a batch. */
final class MaskedCrossEntropy {

    private MaskedCrossEntropy() {
    }

    /**
     * @param logits  {@code [batch, length, vocab]}
     * @param targets {@code [batch, length]} int64 token ids
     * @param mask    {@code [batch, length]} 1 where the target counts, 0 elsewhere
     * @param counted number of ones in {@code mask}
     * @return the scalar {@code -sum(mask * log_softmax(logits)[target]) / counted}
     */
    static NDArray loss(NDArray logits, NDArray targets, NDArray mask, int counted) {
        NDArray logProbabilities = logits.logSoftmax(2);
        NDArray picked = logProbabilities.gather(targets.expandDims(2), 2).squeeze(2);
        return picked.mul(mask).sum().muli(-1.0 / counted);
    }
}
