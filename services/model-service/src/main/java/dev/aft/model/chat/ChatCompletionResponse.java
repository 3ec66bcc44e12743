package dev.aft.model.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** OpenAI's {@code chat.completion} object. */
public record ChatCompletionResponse(String id, String object, long created, String model, List<Choice> choices,
        Usage usage) {

    public static final String OBJECT = "chat.completion";

    public record Choice(int index, Message message, Logprobs logprobs,
            @JsonProperty("finish_reason") String finishReason) {
    }

    public record Message(String role, String content) {
    }

    public record Logprobs(List<TokenLogprob> content) {
    }

    public record TokenLogprob(String token, float logprob, List<Integer> bytes,
            @JsonProperty("top_logprobs") List<TopLogprob> topLogprobs) {
    }

    public record TopLogprob(String token, float logprob, List<Integer> bytes) {
    }

    public record Usage(@JsonProperty("prompt_tokens") int promptTokens,
            @JsonProperty("completion_tokens") int completionTokens,
            @JsonProperty("total_tokens") int totalTokens) {
    }
}
