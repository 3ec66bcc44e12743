package dev.aft.model.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.aft.model.models.ModelEntry;

/**
 * OpenAI's {@code model} object, plus {@code max_model_len} (the context length, as vLLM reports it) so that
 * clients can size prompts.
 */
public record ModelView(String id, String object, long created, @JsonProperty("owned_by") String ownedBy,
        @JsonProperty("max_model_len") @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxModelLen) {

    static ModelView of(ModelEntry entry, Integer contextLength) {
        return new ModelView(entry.id(), "model", entry.created(), entry.ownedBy(), contextLength);
    }
}
