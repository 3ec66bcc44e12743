package dev.aft.model.inference;

import dev.aft.model.api.OpenAiException;

/** The model reads at most its context length: prompt plus completion. */
public final class ContextLimits {

    private ContextLimits() {
    }

    public static void check(int promptTokens, int maxTokens, int contextLength, String param) {
        if (promptTokens + maxTokens > contextLength) {
            throw OpenAiException.invalid(param, "context_length_exceeded", "This model's maximum context length is "
                    + contextLength + " tokens, however you requested " + (promptTokens + maxTokens) + " tokens ("
                    + promptTokens + " in your prompt; " + maxTokens + " for the completion). Please reduce your"
                    + " prompt; or completion length.");
        }
    }
}
