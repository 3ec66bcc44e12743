package dev.aft.lm.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdamWTest {

    private static final double[] C1 = {3, 1, 2};
    private static final double[] C2 = {0.5, -4};

    /**
     * loss = sum(c1 * w^2) + sum(c2 * n) for a decayed matrix w and an undecayed norm-like vector n; three
     * steps of a warm-up + linear schedule with clipping at global norm 1, against the same arithmetic in
     * plain Java.
     */
    @Test
    void updatesMatchAHandComputationWithClippingDecayAndSchedule() {
        double weightDecay = 0.1;
        double maxNorm = 1.0;
        TrainingOptions options = TrainingOptions.defaults().withLearningRate(0.05)
                .withSchedule(1, TrainingOptions.Schedule.LINEAR).withSteps(3);
        double[] w = {0.5, -1.0, 2.0};
        double[] n = {0.3, -0.2};
        double[][] moments = new double[4][];
        moments[0] = new double[3];
        moments[1] = new double[3];
        moments[2] = new double[2];
        moments[3] = new double[2];
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray matrix = manager.create(new float[] {0.5f, -1.0f, 2.0f}, new Shape(1, 3));
            NDArray vector = manager.create(new float[] {0.3f, -0.2f});
            matrix.setRequiresGradient(true);
            vector.setRequiresGradient(true);
            NDArray c1 = manager.create(new float[] {3, 1, 2}, new Shape(1, 3));
            NDArray c2 = manager.create(new float[] {0.5f, -4});
            try (AdamW adam = new AdamW(Map.of("w", matrix, "n", vector), Set.of("w"), weightDecay)) {
                for (int step = 0; step < 3; step++) {
                    double lr = options.learningRateAt(step, 3);
                    try (NDManager scope = manager.newSubManager();
                            GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray c1s = c1.duplicate();
                        c1s.attach(scope);
                        collector.backward(c1s.mul(matrix).mul(matrix).sum().add(vector.mul(c2).sum()));
                    }
                    double norm = adam.update(lr, maxNorm);

                    double[] gw = new double[3];
                    double[] gn = C2.clone();
                    double squares = 0;
                    for (int i = 0; i < 3; i++) {
                        gw[i] = 2 * C1[i] * w[i];
                        squares += gw[i] * gw[i];
                    }
                    for (double g : gn) {
                        squares += g * g;
                    }
                    double expectedNorm = Math.sqrt(squares);
                    assertThat(norm).isCloseTo(expectedNorm, within(1e-4 * expectedNorm));
                    double clip = expectedNorm > maxNorm ? maxNorm / (expectedNorm + 1e-6) : 1;
                    adamStep(w, gw, clip, moments[0], moments[1], lr, weightDecay, step + 1);
                    adamStep(n, gn, clip, moments[2], moments[3], lr, 0, step + 1);
                    float[] actualW = matrix.toFloatArray();
                    float[] actualN = vector.toFloatArray();
                    for (int i = 0; i < 3; i++) {
                        assertThat((double) actualW[i]).as("w[%d] after step %d", i, step + 1)
                                .isCloseTo(w[i], within(2e-6));
                    }
                    for (int i = 0; i < 2; i++) {
                        assertThat((double) actualN[i]).as("n[%d] after step %d", i, step + 1)
                                .isCloseTo(n[i], within(2e-6));
                    }
                }
                assertThat(adam.step()).isEqualTo(3);
                assertThat(matrix.getGradient().toFloatArray()).as("gradients zeroed").containsOnly(0f);
            }
        }
    }

    /**
     * A gradient holding infinity (what a corrupted backward pass leaves) must not reach the moments: the
     * update reports the non-finite norm, zeroes the gradients and leaves parameters, moments and step as
     * they were; the next finite gradient then updates as a first step would.
     */
    @Test
    void aNonFiniteGradientChangesNothingButTheGradients() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray weight = manager.create(new float[] {0.5f, -1.0f, 2.0f}, new Shape(1, 3));
            weight.setRequiresGradient(true);
            try (AdamW adam = new AdamW(Map.of("w", weight), Set.of("w"), 0.1)) {
                backward(manager, weight, new float[] {1f, Float.POSITIVE_INFINITY, 2f});
                double norm = adam.update(0.05, 1.0);

                assertThat(norm).isInfinite();
                assertThat(adam.step()).isZero();
                assertThat(weight.toFloatArray()).containsExactly(0.5f, -1.0f, 2.0f);
                assertThat(weight.getGradient().toFloatArray()).containsOnly(0f);
                assertThat(adam.state().values()).allSatisfy(moment -> assertThat(moment.values()).containsOnly(0f));

                backward(manager, weight, new float[] {1f, 1f, 1f});
                assertThat(adam.update(0.05, 0)).isCloseTo(Math.sqrt(3), within(1e-6));
                assertThat(adam.step()).isEqualTo(1);
                // First AdamW step: p (1 - lr wd) - lr * sign(g) (up to eps).
                assertThat((double) weight.toFloatArray()[0]).isCloseTo(0.5 * (1 - 0.005) - 0.05, within(1e-6));
            }
        }
    }

    /** Leaves {@code coefficients} as the gradient of {@code sum(coefficients * weight)}. */
    private static void backward(NDManager manager, NDArray weight, float[] coefficients) {
        try (NDManager scope = manager.newSubManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray c = scope.create(coefficients, weight.getShape());
            collector.backward(c.mul(weight).sum());
        }
    }

    private static void adamStep(double[] p, double[] g, double clip, double[] m, double[] v, double lr, double wd,
            int t) {
        for (int i = 0; i < p.length; i++) {
            double gi = g[i] * clip;
            m[i] = 0.9 * m[i] + 0.1 * gi;
            v[i] = 0.999 * v[i] + 0.001 * gi * gi;
            p[i] *= 1 - lr * wd;
            double mHat = m[i] / (1 - Math.pow(0.9, t));
            double vHat = v[i] / (1 - Math.pow(0.999, t));
            p[i] -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
        }
    }

    @Test
    void scheduleWarmsUpThenHoldsOrDecaysToZero() {
        TrainingOptions base = TrainingOptions.defaults().withLearningRate(1.0).withSteps(12);
        TrainingOptions constant = base.withSchedule(4, TrainingOptions.Schedule.CONSTANT);
        TrainingOptions linear = base.withSchedule(4, TrainingOptions.Schedule.LINEAR);
        TrainingOptions cosine = base.withSchedule(2, TrainingOptions.Schedule.COSINE);
        assertThat(constant.learningRateAt(0, 12)).isEqualTo(0.25);
        assertThat(constant.learningRateAt(3, 12)).isEqualTo(1.0);
        assertThat(constant.learningRateAt(11, 12)).isEqualTo(1.0);
        assertThat(linear.learningRateAt(1, 12)).isEqualTo(0.5);
        assertThat(linear.learningRateAt(4, 12)).isEqualTo(1.0);
        assertThat(linear.learningRateAt(8, 12)).isEqualTo(0.5);
        assertThat(linear.learningRateAt(11, 12)).isEqualTo(0.125);
        assertThat(linear.learningRateAt(12, 12)).isEqualTo(0.0);
        assertThat(cosine.learningRateAt(0, 12)).isEqualTo(0.5);
        assertThat(cosine.learningRateAt(2, 12)).isEqualTo(1.0);
        assertThat(cosine.learningRateAt(7, 12)).isCloseTo(0.5, within(1e-12));
        assertThat(cosine.learningRateAt(12, 12)).isCloseTo(0.0, within(1e-12));
    }
}
