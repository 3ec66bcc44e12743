package dev.aft.model.finetune;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.lm.training.TrainingOptions;
import java.util.List;
import java.util.Locale;

/**
 * A job's resolved training settings (what was asked, the engine's defaults for the rest), stored with the
 * job as JSON and turned into the engine's {@link TrainingOptions} when it runs. Exactly one of
 * {@code nEpochs} and {@code steps} is non-zero.
 */
public record JobSettings(
        String method,
        @JsonProperty("n_epochs") int nEpochs,
        int steps,
        @JsonProperty("batch_size") int batchSize,
        @JsonProperty("learning_rate") double learningRate,
        @JsonProperty("learning_rate_multiplier") double learningRateMultiplier,
        @JsonProperty("warmup_steps") int warmupSteps,
        String schedule,
        @JsonProperty("weight_decay") double weightDecay,
        @JsonProperty("max_grad_norm") double maxGradNorm,
        @JsonProperty("completion_only_loss") boolean completionOnlyLoss,
        @JsonProperty("checkpoint_every") int checkpointEvery,
        Integer rank,
        Double alpha,
        @JsonProperty("target_modules") List<String> targetModules) {

    public static final String SUPERVISED = "supervised";
    public static final String LORA = "lora";
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean lora() {
        return LORA.equals(method);
    }

    public TrainingOptions toOptions(long seed) {
        TrainingOptions defaults = TrainingOptions.defaults();
        return new TrainingOptions(lora() ? TrainingOptions.Method.LORA : TrainingOptions.Method.FULL,
                rank != null ? rank : defaults.loraRank(), alpha != null ? alpha : defaults.loraAlpha(),
                targetModules != null ? targetModules : defaults.loraTargetModules(), learningRate, warmupSteps,
                TrainingOptions.Schedule.valueOf(schedule.toUpperCase(Locale.ROOT)), weightDecay, batchSize, steps,
                nEpochs, seed, completionOnlyLoss, checkpointEvery, maxGradNorm);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JobSettings fromJson(String json) {
        try {
            return JSON.readValue(json, JobSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable job settings: " + e.getMessage(), e);
        }
    }
}
