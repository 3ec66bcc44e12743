package dev.aft.lm.scoring;

/**
 * Scores of every token of one sequence {@code t0 .. t(n-1)}: {@code logprobs[j] = log P(tj | t0 .. t(j-1))}
 * for {@code j >= 1}; {@code logprobs[0]} is {@code NaN} (the first token has no context). When top
 * alternatives were asked for, {@code topIds[j]} / {@code topLogprobs[j]} hold the {@code k} most likely
 * tokens at position {@code j} (best first); both are {@code null} otherwise, and at {@code j = 0}.
 */
public record TokenScores(float[] logprobs, int[][] topIds, float[][] topLogprobs) {

    /** Sum of the log-probabilities of tokens {@code from .. n-1} ({@code from >= 1}). */
    public double sum(int from) {
        if (from < 1) {
            throw new IllegalArgumentException("The first token has no log-probability; start at 1 or later");
        }
        double sum = 0;
        for (int j = from; j < logprobs.length; j++) {
            sum += logprobs[j];
        }
        return sum;
    }
}
