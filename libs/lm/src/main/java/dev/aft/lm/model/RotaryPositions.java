package dev.aft.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.aft.lm.checkpoint.LlamaConfig;

/**
 * Rotary position embeddings in the Hugging Face Llama convention: frequencies
 * {@code theta^(-2i/d)} for the first half of each head, repeated for the second half, and the rotation
 * {@code x * cos + rotate_half(x) * sin} with {@code rotate_half([x1, x2]) = [-x2, x1]} (halves, not
 * interleaved pairs).
 */
final class RotaryPositions {

    private final NDArray cos;
    private final NDArray sin;
    private final NDArray rotateHalf;
    private NDArray scaledCos;
    private NDArray scaledSin;

    private RotaryPositions(NDArray cos, NDArray sin) {
        this.cos = cos;
        this.sin = sin;
        this.rotateHalf = rotateHalfMatrix(cos.getManager(), Math.toIntExact(cos.getShape().tail()));
    }

    /**
     * {@code R} with {@code x R = rotate_half(x) = [-x2, x1]}: one matrix product instead of split, negate and
     * concatenate (the decoder is bound by operator count at small batch sizes).
     */
    private static NDArray rotateHalfMatrix(NDManager manager, int headDim) {
        int half = headDim / 2;
        float[] matrix = new float[headDim * headDim];
        for (int j = 0; j < half; j++) {
            matrix[(j + half) * headDim + j] = -1f;
            matrix[j * headDim + j + half] = 1f;
        }
        return manager.create(matrix, new Shape(headDim, headDim));
    }

    /** Cos/sin tables {@code [length, headDim]} for positions {@code 0 .. length-1}, in {@code manager}. */
    static RotaryPositions forLength(LlamaConfig config, int length, NDManager manager) {
        int headDim = config.headDim();
        int half = headDim / 2;
        float[] cos = new float[length * headDim];
        float[] sin = new float[length * headDim];
        for (int i = 0; i < half; i++) {
            double inverseFrequency = 1.0 / Math.pow(config.ropeTheta(), (2.0 * i) / headDim);
            for (int position = 0; position < length; position++) {
                double angle = position * inverseFrequency;
                int at = position * headDim + i;
                cos[at] = cos[at + half] = (float) Math.cos(angle);
                sin[at] = sin[at + half] = (float) Math.sin(angle);
            }
        }
        Shape shape = new Shape(length, headDim);
        return new RotaryPositions(manager.create(cos, shape), manager.create(sin, shape));
    }

    /**
     * Cos/sin tables {@code [rows, 1, length, headDim]} for explicit positions per row (one row when every
     * row has the same positions), so that they broadcast over heads.
     */
    static RotaryPositions forPositions(LlamaConfig config, int[][] positions, NDManager manager) {
        int headDim = config.headDim();
        int half = headDim / 2;
        boolean same = true;
        for (int[] row : positions) {
            same &= java.util.Arrays.equals(row, positions[0]);
        }
        int rows = same ? 1 : positions.length;
        int length = positions[0].length;
        double[] inverse = new double[half];
        for (int i = 0; i < half; i++) {
            inverse[i] = 1.0 / Math.pow(config.ropeTheta(), (2.0 * i) / headDim);
        }
        float[] cos = new float[rows * length * headDim];
        float[] sin = new float[rows * length * headDim];
        for (int row = 0; row < rows; row++) {
            for (int t = 0; t < length; t++) {
                int base = (row * length + t) * headDim;
                for (int i = 0; i < half; i++) {
                    double angle = positions[row][t] * inverse[i];
                    cos[base + i] = cos[base + i + half] = (float) Math.cos(angle);
                    sin[base + i] = sin[base + i + half] = (float) Math.sin(angle);
                }
            }
        }
        Shape shape = new Shape(rows, 1, length, headDim);
        return new RotaryPositions(manager.create(cos, shape), manager.create(sin, shape));
    }

    /** Rotates {@code heads} of shape {@code [batch, heads, length, headDim]}. */
    NDArray rotate(NDArray heads) {
        return heads.mul(cos).add(heads.matMul(rotateHalf).mul(sin));
    }

    /** Rotates and multiplies by {@code scale} in the same operations (queries take the attention scale). */
    NDArray rotateScaled(NDArray heads, double scale) {
        if (scaledCos == null) {
            scaledCos = cos.mul(scale);
            scaledSin = sin.mul(scale);
        }
        return heads.mul(scaledCos).add(heads.matMul(rotateHalf).mul(scaledSin));
    }
}
