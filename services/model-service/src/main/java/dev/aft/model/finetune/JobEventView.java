package dev.aft.model.finetune;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.model.persistence.JobEventEntity;

/**
 * OpenAI's {@code fine_tuning.job.event}: {@code type} {@code message} or {@code metrics}; metrics carry
 * {@code data} {step, total_steps, train_loss, learning_rate, tokens_per_second, eta_seconds}.
 */
public record JobEventView(String object, String id, @JsonProperty("created_at") long createdAt, String level,
        String message, String type, JsonNode data) {

    public static final String OBJECT = "fine_tuning.job.event";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static JobEventView of(JobEventEntity event) {
        JsonNode data;
        try {
            data = event.data == null ? JSON.createObjectNode() : JSON.readTree(event.data);
        } catch (java.io.IOException e) {
            data = JSON.createObjectNode();
        }
        return new JobEventView(OBJECT, event.externalId(), event.createdAt, event.level, event.message, event.type,
                data);
    }
}
