package dev.aft.lm.generation;

/**
 * A generated continuation: its tokens (after any stop string was cut, the tokens that were sampled up to
 * and including the one that completed it), its text (cut before the stop string), why it ended, and per
 * generated token its log-probability and optional top alternatives.
 */
public record Generation(int[] tokens, String text, FinishReason finishReason, float[] logprobs, int[][] topIds,
        float[][] topLogprobs) {

    public enum FinishReason {
        /** A stop string or the end-of-sequence token. */
        STOP("stop"),
        /** {@code maxTokens} or the model's context was reached. */
        LENGTH("length");

        private final String wireName;

        FinishReason(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
