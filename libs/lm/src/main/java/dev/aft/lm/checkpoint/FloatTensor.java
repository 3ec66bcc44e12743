package dev.aft.lm.checkpoint;

import java.util.Arrays;

/**
 * A dense float32 tensor in row-major order, as stored in or read from a checkpoint.
 *
 * @param shape dimensions, outermost first (empty for a scalar)
 * @param values elements in row-major order; the array is shared, not copied
 */
public record FloatTensor(long[] shape, float[] values) {

    public FloatTensor {
        shape = shape.clone();
        long count = elementCount(shape);
        if (count != values.length) {
            throw new IllegalArgumentException("Shape " + Arrays.toString(shape) + " holds " + count
                    + " elements but " + values.length + " values were given");
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Product of the dimensions (1 for a scalar). */
    public static long elementCount(long[] shape) {
        long count = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("Negative dimension in shape " + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, dimension);
        }
        return count;
    }
}
