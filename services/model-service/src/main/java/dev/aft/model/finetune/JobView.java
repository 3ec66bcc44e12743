package dev.aft.model.finetune;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.aft.model.persistence.JobEntity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** OpenAI's {@code fine_tuning.job} object. */
public record JobView(
        String object,
        String id,
        String model,
        @JsonProperty("created_at") long createdAt,
        @JsonProperty("finished_at") Long finishedAt,
        @JsonProperty("fine_tuned_model") String fineTunedModel,
        @JsonProperty("organization_id") String organizationId,
        @JsonProperty("result_files") List<String> resultFiles,
        String status,
        @JsonProperty("validation_file") String validationFile,
        @JsonProperty("training_file") String trainingFile,
        Map<String, Object> hyperparameters,
        @JsonProperty("trained_tokens") Long trainedTokens,
        Error error,
        long seed,
        @JsonProperty("estimated_finish") Long estimatedFinish,
        List<Object> integrations,
        @JsonProperty("user_provided_suffix") String userProvidedSuffix,
        Map<String, Object> method,
        Map<String, String> metadata) {

    public static final String OBJECT = "fine_tuning.job";

    public record Error(String code, String message, String param) {
    }

    public static JobView of(JobEntity job, String organization) {
        JobSettings settings = JobSettings.fromJson(job.settings);
        Map<String, Object> legacy = new LinkedHashMap<>();
        legacy.put("n_epochs", settings.nEpochs() > 0 ? (Object) settings.nEpochs() : "auto");
        legacy.put("batch_size", settings.batchSize());
        legacy.put("learning_rate_multiplier", settings.learningRateMultiplier());
        Map<String, Object> details = new LinkedHashMap<>(legacy);
        if (settings.steps() > 0) {
            details.put("steps", settings.steps());
        }
        details.put("learning_rate", settings.learningRate());
        details.put("warmup_steps", settings.warmupSteps());
        details.put("lr_scheduler", settings.schedule());
        details.put("weight_decay", settings.weightDecay());
        details.put("max_grad_norm", settings.maxGradNorm());
        details.put("completion_only_loss", settings.completionOnlyLoss());
        details.put("checkpoint_every", settings.checkpointEvery());
        if (settings.lora()) {
            details.put("rank", settings.rank());
            details.put("alpha", settings.alpha());
            details.put("target_modules", settings.targetModules());
        }
        Map<String, Object> method = new LinkedHashMap<>();
        method.put("type", settings.method());
        method.put(settings.method(), Map.of("hyperparameters", details));
        Error error = job.errorCode == null ? null : new Error(job.errorCode, job.errorMessage, job.errorParam);
        return new JobView(OBJECT, job.id, job.model, job.createdAt, job.finishedAt, job.fineTunedModel, organization,
                List.of(), job.status, null, job.trainingFile, legacy, job.trainedTokens, error, job.seed, null,
                List.of(), job.suffix, method, null);
    }
}
