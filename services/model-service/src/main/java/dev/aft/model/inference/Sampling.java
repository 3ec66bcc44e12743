package dev.aft.model.inference;

import dev.aft.model.api.JsonRequest;
import dev.aft.model.api.OpenAiException;
import dev.aft.model.config.ModelServiceConfig;
import java.util.List;

/**
 * The generation settings /v1/completions and /v1/chat/completions share, read with OpenAI's defaults:
 * {@code max_tokens} (completions: 16; chat: up to the context), {@code n} 1, {@code temperature} 1,
 * {@code top_p} 1, {@code seed} (random when absent), {@code stop} (a string or up to 4).
 */
public record Sampling(Integer maxTokens, int n, double temperature, double topP, Long seed, List<String> stop) {

    public static final int MAX_STOP_SEQUENCES = 4;

    public static Sampling read(JsonRequest json, ModelServiceConfig.Limits limits, String maxTokensField,
            Integer defaultMaxTokens) {
        Integer maxTokens = json.optionalInteger(maxTokensField, 0, limits.maxTokens()).orElse(defaultMaxTokens);
        int n = json.integer("n", 1, 1, limits.maxChoices());
        double temperature = json.number("temperature", 1.0, 0.0, 2.0);
        double topP = json.number("top_p", 1.0, 0.0, 1.0);
        if (topP == 0) {
            throw OpenAiException.invalid("top_p", "Invalid 'top_p': must be greater than 0 (use temperature 0 for"
                    + " greedy decoding).");
        }
        Long seed = json.optionalLong("seed").orElse(null);
        List<String> stop = json.stringOrStrings("stop", MAX_STOP_SEQUENCES);
        if (json.bool("stream", false)) {
            throw OpenAiException.invalid("stream", "Streaming is not supported by this server; leave 'stream' unset"
                    + " or false.");
        }
        for (String penalty : List.of("presence_penalty", "frequency_penalty")) {
            if (json.optionalNumber(penalty, -2.0, 2.0).orElse(0.0) != 0.0) {
                throw OpenAiException.invalid(penalty, "'" + penalty + "' is not supported by this server; leave it"
                        + " unset or 0.");
            }
        }
        if (json.has("logit_bias") && json.raw("logit_bias").size() > 0) {
            throw OpenAiException.invalid("logit_bias", "'logit_bias' is not supported by this server.");
        }
        return new Sampling(maxTokens, n, temperature, topP, seed, stop);
    }

    /** The seed of choice {@code index}: the request's seed (or a random one) plus the index. */
    public long seedFor(long base, int index) {
        return base + index;
    }
}
