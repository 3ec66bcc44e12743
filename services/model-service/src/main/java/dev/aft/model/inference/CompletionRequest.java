package dev.aft.model.inference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aft.model.api.JsonRequest;
import dev.aft.model.api.OpenAiException;
import dev.aft.model.config.ModelServiceConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code POST /v1/completions} request: the model, one or more prompts (a string, strings, token ids, or
 * lists of token ids), {@code echo}, {@code logprobs} (0-5 alternatives per token; null for none) and the
 * sampling settings.
 */
public record CompletionRequest(String model, List<Prompt> prompts, boolean echo, Integer logprobs,
        Sampling sampling) {

    public static final int MAX_LOGPROBS = 5;
    public static final int DEFAULT_MAX_TOKENS = 16;

    public int maxTokens() {
        return sampling.maxTokens();
    }

    public static CompletionRequest parse(byte[] body, ModelServiceConfig.Limits limits) {
        JsonRequest json = JsonRequest.parse(body);
        String model = json.requiredString("model");
        List<Prompt> prompts = prompts(json, limits);
        boolean echo = json.bool("echo", false);
        Integer logprobs = json.optionalInteger("logprobs", 0, MAX_LOGPROBS).orElse(null);
        Sampling sampling = Sampling.read(json, limits, "max_tokens", DEFAULT_MAX_TOKENS);
        if (json.has("suffix")) {
            throw OpenAiException.invalid("suffix", "'suffix' is not supported by this server.");
        }
        int bestOf = json.integer("best_of", sampling.n(), 1, limits.maxChoices());
        if (bestOf != sampling.n()) {
            throw OpenAiException.invalid("best_of", "'best_of' other than 'n' is not supported by this server.");
        }
        return new CompletionRequest(model, prompts, echo, logprobs, sampling);
    }

    private static List<Prompt> prompts(JsonRequest json, ModelServiceConfig.Limits limits) {
        JsonNode value = json.raw("prompt");
        if (value == null) {
            throw json.missing("prompt");
        }
        List<Prompt> prompts = new ArrayList<>();
        if (value.isTextual()) {
            prompts.add(Prompt.text(value.asText()));
        } else if (value.isArray()) {
            if (value.isEmpty()) {
                throw OpenAiException.invalid("prompt", "Invalid 'prompt': the array is empty; send a string, an array"
                        + " of strings, an array of token ids, or an array of arrays of token ids.");
            }
            JsonNode first = value.get(0);
            if (first.isIntegralNumber()) {
                prompts.add(Prompt.ids(tokenIds(value, "prompt")));
            } else {
                for (int i = 0; i < value.size(); i++) {
                    JsonNode item = value.get(i);
                    if (first.isTextual() && item.isTextual()) {
                        prompts.add(Prompt.text(item.asText()));
                    } else if (first.isArray() && item.isArray()) {
                        prompts.add(Prompt.ids(tokenIds(item, "prompt[" + i + "]")));
                    } else {
                        throw OpenAiException.invalid("prompt", "Invalid type for 'prompt[" + i + "]': expected "
                                + (first.isArray() ? "an array of token ids" : first.isTextual() ? "a string"
                                : "a string, a token id or an array of token ids") + ", but got "
                                + JsonRequest.kind(item) + " instead.");
                    }
                }
            }
        } else {
            throw json.wrongType("prompt", "a string, an array of strings, an array of token ids, or an array of"
                    + " arrays of token ids", value);
        }
        if (prompts.size() > limits.maxPrompts()) {
            throw OpenAiException.invalid("prompt", "Invalid 'prompt': " + prompts.size() + " prompts in one request;"
                    + " this server accepts at most " + limits.maxPrompts() + " (aft.model.limits.max-prompts).");
        }
        return prompts;
    }

    private static int[] tokenIds(JsonNode array, String param) {
        if (array.isEmpty()) {
            throw OpenAiException.invalid("prompt", "Invalid '" + param + "': an empty list of token ids.");
        }
        int[] ids = new int[array.size()];
        for (int i = 0; i < ids.length; i++) {
            JsonNode id = array.get(i);
            if (!id.isIntegralNumber() || !id.canConvertToInt() || id.intValue() < 0) {
                throw OpenAiException.invalid("prompt", "Invalid '" + param + "[" + i + "]': expected a token id (an"
                        + " integer >= 0), but got " + (id.isIntegralNumber() ? id.asText() : JsonRequest.kind(id))
                        + " instead.");
            }
            ids[i] = id.intValue();
        }
        return ids;
    }
}
