package dev.aft.model.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aft.model.api.JsonRequest;
import dev.aft.model.api.OpenAiException;
import dev.aft.model.config.ModelServiceConfig;
import dev.aft.model.inference.Sampling;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code POST /v1/chat/completions} request: the model, the messages ({@code role} and {@code content}, a
 * string or text parts), {@code logprobs} / {@code top_logprobs} (0-20) and the sampling settings
 * ({@code max_tokens} or {@code max_completion_tokens}; without either, up to the model's context).
 */
public record ChatRequest(String model, List<ChatTemplate.Message> messages, boolean logprobs, int topLogprobs,
        Sampling sampling) {

    public static final int MAX_TOP_LOGPROBS = 20;

    public static ChatRequest parse(byte[] body, ModelServiceConfig.Limits limits) {
        JsonRequest json = JsonRequest.parse(body);
        String model = json.requiredString("model");
        List<ChatTemplate.Message> messages = messages(json, limits);
        boolean logprobs = json.bool("logprobs", false);
        int top = json.integer("top_logprobs", 0, 0, MAX_TOP_LOGPROBS);
        if (json.has("top_logprobs") && !logprobs) {
            throw OpenAiException.invalid("top_logprobs", "'top_logprobs' needs 'logprobs' set to true.");
        }
        String maxField = json.has("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
        Sampling sampling = Sampling.read(json, limits, maxField, null);
        return new ChatRequest(model, messages, logprobs, top, sampling);
    }

    private static List<ChatTemplate.Message> messages(JsonRequest json, ModelServiceConfig.Limits limits) {
        JsonNode value = json.raw("messages");
        if (value == null) {
            throw json.missing("messages");
        }
        if (!value.isArray()) {
            throw json.wrongType("messages", "an array", value);
        }
        if (value.isEmpty()) {
            throw OpenAiException.invalid("messages", "Invalid 'messages': empty array. Expected an array with minimum"
                    + " length 1, but got an empty array instead.");
        }
        if (value.size() > limits.maxMessages()) {
            throw OpenAiException.invalid("messages", "Invalid 'messages': " + value.size() + " messages; this server"
                    + " accepts at most " + limits.maxMessages() + " (aft.model.limits.max-messages).");
        }
        List<ChatTemplate.Message> messages = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String param = "messages[" + i + "]";
            JsonNode message = value.get(i);
            if (!message.isObject()) {
                throw OpenAiException.invalid(param, "Invalid type for '" + param + "': expected an object, but got "
                        + JsonRequest.kind(message) + " instead.");
            }
            JsonNode role = message.get("role");
            if (role == null || !role.isTextual() || role.asText().isEmpty()) {
                throw OpenAiException.invalid(param + ".role", "Invalid '" + param + ".role': expected a role string"
                        + " such as 'system', 'user' or 'assistant'.");
            }
            messages.add(new ChatTemplate.Message(role.asText(), content(message.get("content"), param + ".content")));
        }
        return messages;
    }

    private static String content(JsonNode content, String param) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < content.size(); i++) {
                JsonNode part = content.get(i);
                if (!part.isObject() || !"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                    throw OpenAiException.invalid(param, "Invalid '" + param + "[" + i + "]': only text parts"
                            + " ({\"type\": \"text\", \"text\": ...}) are supported.");
                }
                text.append(part.get("text").asText());
            }
            return text.toString();
        }
        throw OpenAiException.invalid(param, "Invalid type for '" + param + "': expected a string or an array of"
                + " text parts, but got " + JsonRequest.kind(content) + " instead.");
    }
}
