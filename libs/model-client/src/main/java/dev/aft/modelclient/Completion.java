package dev.aft.modelclient;

import java.util.List;
import java.util.Map;

/** Records of {@code POST /v1/completions}, in OpenAI's shape (only the fields AFT reads and writes). */
public final class Completion {

    private Completion() {
    }

    /**
     * A completion request. {@code prompts} go out as an array of strings; fields left null are not sent.
     */
    public record Request(String model, List<String> prompts, Integer maxTokens, Boolean echo, Integer logprobs,
            Double temperature, Double topP, Integer n, Long seed, List<String> stop) {

        public Request {
            prompts = List.copyOf(prompts);
            stop = stop == null ? null : List.copyOf(stop);
            if (prompts.isEmpty()) {
                throw new IllegalArgumentException("A completion request needs at least one prompt");
            }
        }

        /**
         * Prompt log-probabilities only, the request lm-evaluation-harness's {@code local-completions} sends:
         * echo the prompt with one alternative per token, generate nothing.
         */
        public static Request scoring(String model, List<String> prompts) {
            return new Request(model, prompts, 0, true, 1, 0.0, null, null, null, null);
        }

        /** Sampled text. */
        public static Request generation(String model, List<String> prompts, int maxTokens, double temperature,
                long seed, List<String> stop) {
            return new Request(model, prompts, maxTokens, null, null, temperature, null, null, seed, stop);
        }
    }

    /** Per-token log-probabilities; {@code tokenLogprobs} holds null for the very first prompt token. */
    public record Logprobs(List<String> tokens, List<Double> tokenLogprobs, List<Map<String, Double>> topLogprobs,
            List<Integer> textOffset) {
    }

    public record Choice(int index, String text, Logprobs logprobs, String finishReason) {
    }

    public record Usage(long promptTokens, long completionTokens, long totalTokens) {
    }

    public record Response(String id, String model, List<Choice> choices, Usage usage) {
    }
}
