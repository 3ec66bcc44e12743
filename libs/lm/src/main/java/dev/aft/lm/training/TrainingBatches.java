package dev.aft.lm.training;

import dev.aft.lm.checkpoint.LlamaConfig;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;

/**
 * The examples of a run cut into batches. The batch of a step is a pure function of (seed, step): step
 * {@code s} is batch {@code s mod b} of epoch {@code s / b} ({@code b} batches per epoch, the last one
 * possibly smaller), and each epoch visits the examples in its own seeded order, grouped by length (see
 * {@link #order(int)}). A resumed run
 * therefore sees exactly the batches an uninterrupted one would.
 */
final class TrainingBatches {

    /** Batches per window within which examples are grouped by length. */
    static final int WINDOW_BATCHES = 16;

    private final List<TrainingExample> examples;
    private final int batchSize;
    private final long seed;
    private final boolean completionOnlyLoss;
    private int cachedEpoch = -1;
    private int[] cachedOrder;

    /**
     * Checks every example against the model: token ids in the vocabulary, at most
     * {@code max_position_embeddings} tokens, and at least one token to learn.
     */
    TrainingBatches(List<TrainingExample> examples, TrainingOptions options, LlamaConfig config) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("No training examples");
        }
        this.examples = List.copyOf(examples);
        this.batchSize = options.batchSize();
        this.seed = options.seed();
        this.completionOnlyLoss = options.completionOnlyLoss();
        for (int i = 0; i < this.examples.size(); i++) {
            check(i, this.examples.get(i), config);
        }
    }

    private void check(int index, TrainingExample example, LlamaConfig config) {
        if (example.length() > config.maxPositionEmbeddings()) {
            throw new IllegalArgumentException("Training example " + index + " has " + example.length()
                    + " tokens, more than the model's limit of " + config.maxPositionEmbeddings()
                    + " (max_position_embeddings)");
        }
        int[] tokens = example.tokens();
        for (int token : tokens) {
            if (token < 0 || token >= config.vocabSize()) {
                throw new IllegalArgumentException("Training example " + index + " holds token id " + token
                        + ", outside the vocabulary 0.." + (config.vocabSize() - 1));
            }
        }
        int firstTarget = completionOnlyLoss ? Math.max(1, example.promptLength()) : 1;
        if (firstTarget >= tokens.length) {
            throw new IllegalArgumentException("Training example " + index + " has no token to learn: "
                    + (completionOnlyLoss ? "with completion-only loss a completion token needs a token before it"
                            : "it needs at least 2 tokens"));
        }
    }

    int size() {
        return examples.size();
    }

    /**
     * The batch of step {@code step}: rows right-padded with token 0, inputs the sequence without its last
     * token, targets it without its first, mask 1 where a target is learned.
     */
    Batch batch(int step) {
        int perEpoch = (examples.size() + batchSize - 1) / batchSize;
        int epoch = step / perEpoch;
        int from = (step % perEpoch) * batchSize;
        int to = Math.min(examples.size(), from + batchSize);
        int[] order = order(epoch);
        int rows = to - from;
        int length = 0;
        for (int i = from; i < to; i++) {
            length = Math.max(length, examples.get(order[i]).length() - 1);
        }
        long[] inputs = new long[rows * length];
        long[] targets = new long[rows * length];
        float[] mask = new float[rows * length];
        long tokens = 0;
        int counted = 0;
        for (int row = 0; row < rows; row++) {
            TrainingExample example = examples.get(order[from + row]);
            int[] sequence = example.tokens();
            tokens += sequence.length;
            int firstTarget = completionOnlyLoss ? Math.max(1, example.promptLength()) : 1;
            for (int t = 0; t + 1 < sequence.length; t++) {
                int at = row * length + t;
                inputs[at] = sequence[t];
                targets[at] = sequence[t + 1];
                if (t + 1 >= firstTarget) {
                    mask[at] = 1;
                    counted++;
                }
            }
        }
        return new Batch(rows, length, inputs, targets, mask, counted, tokens);
    }

    /**
     * The order of the examples in epoch {@code epoch}: a seeded permutation, then, window by window of
     * {@value #WINDOW_BATCHES} batches, the examples sorted by length, cut into batches, and those whole batches
     * put in a seeded order. Rows of a batch then have similar lengths, so little of a step is padding, while
     * which examples share a window still changes every epoch. The last, possibly smaller, batch stays last.
     */
    int[] order(int epoch) {
        if (epoch != cachedEpoch) {
            int[] order = new int[examples.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Random random = new Random(seed * 0x9E3779B97F4A7C15L + epoch);
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            bucketByLength(order, random);
            cachedOrder = order;
            cachedEpoch = epoch;
        }
        return cachedOrder;
    }

    private void bucketByLength(int[] order, Random random) {
        int window = batchSize * WINDOW_BATCHES;
        for (int start = 0; start < order.length; start += window) {
            int end = Math.min(order.length, start + window);
            Integer[] slice = new Integer[end - start];
            for (int i = start; i < end; i++) {
                slice[i - start] = order[i];
            }
            java.util.Arrays.sort(slice, java.util.Comparator.comparingInt(index -> examples.get(index).length()));
            int wholeBatches = slice.length / batchSize;
            int[] batchOrder = new int[wholeBatches];
            for (int b = 0; b < wholeBatches; b++) {
                batchOrder[b] = b;
            }
            for (int b = wholeBatches - 1; b > 0; b--) {
                int j = random.nextInt(b + 1);
                int swap = batchOrder[b];
                batchOrder[b] = batchOrder[j];
                batchOrder[j] = swap;
            }
            int at = start;
            for (int b : batchOrder) {
                for (int row = 0; row < batchSize; row++) {
                    order[at++] = slice[b * batchSize + row];
                }
            }
            for (int i = wholeBatches * batchSize; i < slice.length; i++) {
                order[at++] = slice[i];
            }
        }
    }

    /** Feeds every example, in order, to {@code digest}. */
    void digest(MessageDigest digest) {
        digest.update(ByteBuffer.allocate(4).putInt(examples.size()).flip());
        for (TrainingExample example : examples) {
            for (int[] part : new int[][] {example.prompt(), example.completion()}) {
                ByteBuffer values = ByteBuffer.allocate(4 + 4 * part.length).putInt(part.length);
                values.asIntBuffer().put(part);
                digest.update(values.rewind());
            }
        }
    }

    /**
     * One step's batch, row-major {@code [rows, length]}.
     *
     * @param counted number of learned targets (mask ones)
     * @param tokens  sequence tokens of the rows, padding excluded
     */
    record Batch(int rows, int length, long[] inputs, long[] targets, float[] mask, int counted, long tokens) {
    }
}
