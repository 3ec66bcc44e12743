package dev.aft.lm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.aft.lm.reference.ReferenceLlama;
import dev.aft.lm.reference.TinyLlama;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a checkpoint written by others gives the logits an independent implementation computes. */
class LlamaModelLogitsTest {

    private static final double TOLERANCE = 1e-4;
    private static final int[] LONG = {1, 17, 3, 42, 8, 8, 0, 49, 23, 5, 11, 30};
    private static final int[] SHORT = {1, 4, 44, 9, 27};

    @TempDir
    Path folder;

    @Test
    void untiedGroupedQueryCheckpointGivesReferenceLogits() throws IOException {
        assertMatchesReference(TinyLlama.random(32, 64, 2, 4, 2, 8, 50, false, 11));
    }

    @Test
    void tiedEmbeddingCheckpointGivesReferenceLogits() throws IOException {
        assertMatchesReference(TinyLlama.random(32, 64, 2, 4, 2, 8, 50, true, 12));
    }

    @Test
    void fullMultiHeadAttentionWithWideHeadsGivesReferenceLogits() throws IOException {
        // head_dim 16 with 4 heads: the attention width (64) differs from the hidden size (32).
        assertMatchesReference(TinyLlama.random(32, 48, 2, 4, 4, 16, 50, false, 13));
    }

    @Test
    void savedModelReloadsWithIdenticalLogits() throws IOException {
        TinyLlama tiny = TinyLlama.random(32, 64, 2, 4, 2, 8, 50, true, 14);
        try (LlamaModel original = LlamaModel.load(tiny.writeTo(folder.resolve("original")));
                NDManager manager = NDManager.newBaseManager()) {
            original.save(folder.resolve("copy"));
            try (LlamaModel copy = LlamaModel.load(folder.resolve("copy"))) {
                NDArray ids = manager.create(new long[][] {toLongs(LONG)});
                assertThat(copy.logits(ids).toFloatArray()).containsExactly(original.logits(ids).toFloatArray());
                assertThat(copy.config()).isEqualTo(original.config());
            }
        }
    }

    private void assertMatchesReference(TinyLlama tiny) throws IOException {
        ReferenceLlama reference = new ReferenceLlama(tiny);
        double[][] expectedLong = reference.logits(LONG);
        double[][] expectedShort = reference.logits(SHORT);
        long[][] batch = {toLongs(LONG), padRight(SHORT, LONG.length)};
        try (LlamaModel model = LlamaModel.load(tiny.writeTo(folder.resolve("checkpoint")));
                NDManager manager = NDManager.newBaseManager()) {
            NDArray logits = model.logits(manager.create(batch));

            assertThat(logits.getShape().getShape()).containsExactly(2, LONG.length, tiny.vocab());
            float[] values = logits.toFloatArray();
            assertRowsClose(values, 0, LONG.length, tiny.vocab(), expectedLong);
            assertRowsClose(values, 1, LONG.length, tiny.vocab(), expectedShort);
            assertThat(maxAbs(expectedLong)).as("logits are not trivially small").isGreaterThan(1.0);
        }
    }

    private static void assertRowsClose(float[] values, int sequence, int length, int vocab, double[][] expected) {
        for (int t = 0; t < expected.length; t++) {
            for (int v = 0; v < vocab; v++) {
                double actual = values[(sequence * length + t) * vocab + v];
                assertThat(actual).as("sequence %d position %d token %d", sequence, t, v)
                        .isCloseTo(expected[t][v], offset(TOLERANCE));
            }
        }
    }

    private static double maxAbs(double[][] values) {
        double max = 0;
        for (double[] row : values) {
            for (double value : row) {
                max = Math.max(max, Math.abs(value));
            }
        }
        return max;
    }

    private static long[] toLongs(int[] tokens) {
        long[] longs = new long[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            longs[i] = tokens[i];
        }
        return longs;
    }

    private static long[] padRight(int[] tokens, int length) {
        long[] padded = new long[length];
        for (int i = 0; i < tokens.length; i++) {
            padded[i] = tokens[i];
        }
        return padded;
    }
}
