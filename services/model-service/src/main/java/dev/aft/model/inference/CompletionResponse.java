package dev.aft.model.inference;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** OpenAI's {@code text_completion} object. */
public record CompletionResponse(String id, String object, long created, String model, List<Choice> choices,
        Usage usage) {

    public static final String OBJECT = "text_completion";

    public record Choice(String text, int index, Logprobs logprobs, @JsonProperty("finish_reason") String finishReason) {
    }

    /**
     * Per token: its text, its log-probability (null for the very first prompt token, which has no context),
     * the most likely alternatives with theirs (null there too), and where it starts in the choice's text.
     */
    public record Logprobs(List<String> tokens, @JsonProperty("token_logprobs") List<Float> tokenLogprobs,
            @JsonProperty("top_logprobs") List<Map<String, Float>> topLogprobs,
            @JsonProperty("text_offset") List<Integer> textOffset) {
    }

    public record Usage(@JsonProperty("prompt_tokens") int promptTokens,
            @JsonProperty("completion_tokens") int completionTokens,
            @JsonProperty("total_tokens") int totalTokens) {
    }
}
