package dev.aft.lm.generation;

import java.util.List;

/**
 * One sampled continuation.
 *
 * @param prompt       prompt token ids (at least one)
 * @param maxTokens    most tokens to generate (0 returns at once with reason {@code length})
 * @param temperature  0 for greedy decoding
 * @param topP         nucleus mass in (0, 1]
 * @param seed         the same seed, prompt and settings give the same tokens
 * @param stop         strings that end the text (not included in it); at most 4
 * @param topLogprobs  alternatives to report per generated token (0 for none)
 */
public record GenerationRequest(int[] prompt, int maxTokens, double temperature, double topP, long seed,
        List<String> stop, int topLogprobs) {

    public GenerationRequest {
        if (prompt == null || prompt.length == 0) {
            throw new IllegalArgumentException("The prompt must hold at least one token");
        }
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maxTokens must be >= 0, got " + maxTokens);
        }
        if (!(temperature >= 0) || temperature > 10) {
            throw new IllegalArgumentException("temperature must be in [0, 10], got " + temperature);
        }
        if (!(topP > 0) || topP > 1) {
            throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
        }
        stop = stop == null ? List.of() : List.copyOf(stop);
        if (topLogprobs < 0) {
            throw new IllegalArgumentException("topLogprobs must be >= 0, got " + topLogprobs);
        }
    }

    public static GenerationRequest greedy(int[] prompt, int maxTokens) {
        return new GenerationRequest(prompt, maxTokens, 0, 1, 0, List.of(), 0);
    }
}
