package dev.aft.lm.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.core.Linear;
import dev.aft.lm.model.LlamaModel;

/**
 * The unmerged LoRA delta of one projection, {@code scale * x A^T B^T} with {@code A [r, in]} and
 * {@code B [out, r]}. Its intermediates live in the input's manager, so a forward pass scoped by a
 * sub-manager frees them.
 */
record LoraProjection(NDArray a, NDArray b, float scale) implements LlamaModel.LinearAdapter {

    @Override
    public NDArray delta(NDArray input) {
        NDArray low = Linear.linear(input, a).singletonOrThrow();
        return Linear.linear(low, b).singletonOrThrow().muli(scale);
    }
}
