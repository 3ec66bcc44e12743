package dev.aft.lm.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.aft.lm.checkpoint.FloatTensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * AdamW as in PyTorch ({@code torch.optim.AdamW}, beta1 0.9, beta2 0.999, eps 1e-8) after global
 * gradient-norm clipping as {@code torch.nn.utils.clip_grad_norm_}: for each parameter with gradient
 * {@code g} (clipped), at step {@code t}:
 * <pre>
 *   m = beta1 m + (1 - beta1) g
 *   v = beta2 v + (1 - beta2) g^2
 *   p = p (1 - lr wd)                          (only parameters in the decayed set)
 *   p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * Updates run with gradient recording off, in place, and zero the gradients afterwards; every temporary
 * array is freed.
 */
final class AdamW implements AutoCloseable {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final Map<String, NDArray> parameters;
    private final Set<String> decayed;
    private final double weightDecay;
    private final NDManager manager = NDManager.newBaseManager();
    private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
    private int step;

    /**
     * @param parameters trainable arrays (requiring gradient) by name
     * @param decayed    names of the parameters weight decay applies to
     */
    AdamW(Map<String, NDArray> parameters, Set<String> decayed, double weightDecay) {
        this.parameters = Map.copyOf(parameters);
        this.decayed = Set.copyOf(decayed);
        this.weightDecay = weightDecay;
        parameters.forEach((name, parameter) -> {
            firstMoments.put(name, manager.zeros(parameter.getShape()));
            secondMoments.put(name, manager.zeros(parameter.getShape()));
        });
    }

    /** Updates done so far. */
    int step() {
        return step;
    }

    /**
     * Clips the gradients to global norm {@code maxGradNorm} (0: no clipping), applies one update and zeroes
     * the gradients. Returns the global gradient norm before clipping. A non-finite norm (an infinite or NaN
     * gradient) changes nothing but the gradients, which are zeroed: the step count, the moments and the
     * parameters stay as they were, so the caller can recompute the step or give up.
     */
    double update(double learningRate, double maxGradNorm) {
        boolean recording = GradientRecording.set(false);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Map<String, NDArray> gradients = new LinkedHashMap<>();
            NDArray squares = null;
            for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
                NDArray gradient = entry.getValue().getGradient();
                gradients.put(entry.getKey(), gradient);
                NDArray square = gradient.square().sum();
                squares = squares == null ? square : squares.addi(square);
            }
            double norm = Math.sqrt(squares.getFloat());
            if (!Double.isFinite(norm)) {
                parameters.values().forEach(parameter -> JniUtils.zeroGrad((PtNDArray) parameter));
                return norm;
            }
            double clip = maxGradNorm > 0 && norm > maxGradNorm ? maxGradNorm / (norm + 1e-6) : 1.0;
            step++;
            double firstCorrection = 1 - Math.pow(BETA1, step);
            double secondCorrectionRoot = Math.sqrt(1 - Math.pow(BETA2, step));
            for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
                String name = entry.getKey();
                NDArray parameter = entry.getValue();
                NDArray gradient = gradients.get(name);
                // The clipping factor rides on the moment coefficients: one pass less over every gradient.
                NDArray m = firstMoments.get(name).muli(BETA1).addi(gradient.mul((1 - BETA1) * clip));
                NDArray v = secondMoments.get(name).muli(BETA2)
                        .addi(gradient.square().muli((1 - BETA2) * clip * clip));
                if (weightDecay > 0 && decayed.contains(name)) {
                    parameter.muli(1 - learningRate * weightDecay);
                }
                NDArray denominator = v.sqrt().divi(secondCorrectionRoot).addi(EPSILON);
                parameter.subi(m.div(denominator).muli(learningRate / firstCorrection));
                JniUtils.zeroGrad((PtNDArray) parameter);
            }
            return norm;
        } finally {
            GradientRecording.set(recording);
        }
    }

    /** First and second moments by {@code exp_avg/<name>} and {@code exp_avg_sq/<name>}. */
    Map<String, FloatTensor> state() {
        Map<String, FloatTensor> state = new LinkedHashMap<>();
        firstMoments.forEach((name, m) -> state.put("exp_avg/" + name, tensor(m)));
        secondMoments.forEach((name, v) -> state.put("exp_avg_sq/" + name, tensor(v)));
        return state;
    }

    /** Restores moments saved by {@link #state()} after {@code step} updates. */
    void restore(Map<String, FloatTensor> state, int step) {
        firstMoments.forEach((name, m) -> m.set(required(state, "exp_avg/" + name)));
        secondMoments.forEach((name, v) -> v.set(required(state, "exp_avg_sq/" + name)));
        this.step = step;
    }

    private static float[] required(Map<String, FloatTensor> state, String key) {
        FloatTensor tensor = state.get(key);
        if (tensor == null) {
            throw new IllegalStateException("Optimizer state lacks " + key);
        }
        return tensor.values();
    }

    private static FloatTensor tensor(NDArray array) {
        return new FloatTensor(array.getShape().getShape(), array.toFloatArray());
    }

    @Override
    public void close() {
        manager.close();
    }
}
