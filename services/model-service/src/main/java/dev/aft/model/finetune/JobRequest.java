package dev.aft.model.finetune;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aft.lm.training.TrainingOptions;
import dev.aft.model.api.JsonRequest;
import dev.aft.model.api.OpenAiException;
import dev.aft.model.config.ModelServiceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code POST /v1/fine_tuning/jobs} request, with its hyperparameters resolved against the engine's
 * defaults. Hyperparameters come either at the top level (OpenAI's older form) or under
 * {@code method.supervised.hyperparameters} / {@code method.lora.hyperparameters}; see the module README for
 * every accepted field.
 */
public record JobRequest(String model, String trainingFile, String suffix, long seed, JobSettings settings) {

    private static final int MAX_SUFFIX = 64;

    public static JobRequest parse(byte[] body, ModelServiceConfig.FineTuning fineTuning) {
        JsonRequest json = JsonRequest.parse(body);
        String model = json.requiredString("model");
        String trainingFile = json.requiredString("training_file");
        if (json.has("validation_file")) {
            throw OpenAiException.invalid("validation_file", "'validation_file' is not supported by this server.");
        }
        String suffix = json.optionalString("suffix").orElse(null);
        if (suffix != null && !suffix.matches("[A-Za-z0-9._-]{1," + MAX_SUFFIX + "}")) {
            throw OpenAiException.invalid("suffix", "Invalid 'suffix': use 1 to " + MAX_SUFFIX + " letters, digits,"
                    + " '.', '_' or '-'.");
        }
        long seed = json.optionalInteger("seed", 0, Integer.MAX_VALUE)
                .map(Integer::longValue).orElseGet(() -> (long) ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE));

        String method = JobSettings.SUPERVISED;
        Optional<JsonRequest> hyperparameters = json.optionalObject("hyperparameters");
        Optional<JsonRequest> methodObject = json.optionalObject("method");
        if (methodObject.isPresent()) {
            JsonRequest m = methodObject.get();
            method = m.optionalString("type").orElseThrow(() -> m.missing("type"));
            if (!method.equals(JobSettings.SUPERVISED) && !method.equals(JobSettings.LORA)) {
                throw OpenAiException.invalid(m.param("type"), "Invalid 'method.type': '" + method + "'; this server"
                        + " supports 'supervised' (every weight) and 'lora' (low-rank adapters).");
            }
            Optional<JsonRequest> inner = m.optionalObject(method).flatMap(o -> o.optionalObject("hyperparameters"));
            if (inner.isPresent() && hyperparameters.isPresent()) {
                throw OpenAiException.invalid("hyperparameters", "Give hyperparameters either at the top level or"
                        + " under 'method." + method + ".hyperparameters', not both.");
            }
            if (inner.isPresent()) {
                hyperparameters = inner;
            }
        }
        return new JobRequest(model, trainingFile, suffix, seed,
                settings(method, hyperparameters.orElse(null), fineTuning));
    }

    private static JobSettings settings(String method, JsonRequest h, ModelServiceConfig.FineTuning fineTuning) {
        TrainingOptions defaults = TrainingOptions.defaults();
        int epochs = 0;
        int steps = 0;
        int batchSize = defaults.batchSize();
        double learningRate = defaults.learningRate();
        int warmup = defaults.warmupSteps();
        String schedule = defaults.schedule().name().toLowerCase(Locale.ROOT);
        double weightDecay = defaults.weightDecay();
        double maxGradNorm = defaults.maxGradNorm();
        boolean completionOnly = defaults.completionOnlyLoss();
        int checkpointEvery = fineTuning.checkpointEvery() > 0 ? fineTuning.checkpointEvery()
                : defaults.checkpointEvery();
        Integer rank = null;
        Double alpha = null;
        List<String> modules = null;
        if (h != null) {
            epochs = auto(h, "n_epochs") ? 0 : h.optionalInteger("n_epochs", 1, 1000).orElse(0);
            steps = h.optionalInteger("steps", 1, 10_000_000).orElse(0);
            if (epochs > 0 && steps > 0) {
                throw OpenAiException.invalid(h.param("steps"), "Give either 'n_epochs' or 'steps', not both.");
            }
            batchSize = auto(h, "batch_size") ? batchSize : h.integer("batch_size", batchSize, 1, 4096);
            Optional<Double> rate = positive(h, "learning_rate", 1.0);
            Optional<Double> multiplier = auto(h, "learning_rate_multiplier") ? Optional.empty()
                    : positive(h, "learning_rate_multiplier", 1000.0);
            if (rate.isPresent() && multiplier.isPresent()) {
                throw OpenAiException.invalid(h.param("learning_rate"), "Give either 'learning_rate' or"
                        + " 'learning_rate_multiplier', not both.");
            }
            learningRate = rate.orElse(defaults.learningRate() * multiplier.orElse(1.0));
            warmup = h.integer("warmup_steps", warmup, 0, 10_000_000);
            schedule = h.optionalString("lr_scheduler").orElse(schedule);
            if (!List.of("constant", "linear", "cosine").contains(schedule)) {
                throw OpenAiException.invalid(h.param("lr_scheduler"), "Invalid 'lr_scheduler': '" + schedule
                        + "'; use 'constant', 'linear' or 'cosine'.");
            }
            weightDecay = h.number("weight_decay", weightDecay, 0.0, 10.0);
            maxGradNorm = h.number("max_grad_norm", maxGradNorm, 0.0, 1e6);
            completionOnly = h.bool("completion_only_loss", completionOnly);
            checkpointEvery = h.integer("checkpoint_every", checkpointEvery, 0, 10_000_000);
            if (method.equals(JobSettings.LORA)) {
                rank = h.optionalInteger("rank", 1, 4096).orElse(null);
                alpha = positive(h, "alpha", 1e6).orElse(null);
                modules = targetModules(h);
            } else {
                for (String loraOnly : List.of("rank", "alpha", "target_modules")) {
                    if (h.has(loraOnly)) {
                        throw OpenAiException.invalid(h.param(loraOnly), "'" + loraOnly + "' applies only to"
                                + " method type 'lora'.");
                    }
                }
            }
        }
        if (epochs == 0 && steps == 0) {
            steps = defaults.steps();
            epochs = defaults.epochs();
        }
        if (method.equals(JobSettings.LORA)) {
            rank = rank != null ? rank : defaults.loraRank();
            alpha = alpha != null ? alpha : defaults.loraAlpha();
            modules = modules != null ? modules : defaults.loraTargetModules();
        }
        return new JobSettings(method, epochs, steps, batchSize, learningRate, learningRate / defaults.learningRate(),
                warmup, schedule, weightDecay, maxGradNorm, completionOnly, checkpointEvery, rank, alpha, modules);
    }

    private static Optional<Double> positive(JsonRequest h, String field, double max) {
        Optional<Double> value = h.optionalNumber(field, 0.0, max);
        if (value.isPresent() && value.get() == 0) {
            throw OpenAiException.invalid(h.param(field), "Invalid '" + h.param(field) + "': must be greater than 0.");
        }
        return value;
    }

    private static boolean auto(JsonRequest h, String field) {
        JsonNode value = h.raw(field);
        if (value != null && value.isTextual()) {
            if (!value.asText().equals("auto")) {
                throw h.wrongType(field, "a number or \"auto\"", value);
            }
            return true;
        }
        return false;
    }

    private static List<String> targetModules(JsonRequest h) {
        JsonNode value = h.raw("target_modules");
        if (value == null) {
            return null;
        }
        if (!value.isArray() || value.isEmpty()) {
            throw h.wrongType("target_modules", "a non-empty array of module names", value);
        }
        List<String> modules = new ArrayList<>();
        for (JsonNode module : value) {
            if (!module.isTextual() || !TrainingOptions.LORA_MODULES.contains(module.asText())) {
                throw OpenAiException.invalid(h.param("target_modules"), "Invalid 'target_modules': "
                        + module + " is not one of " + TrainingOptions.LORA_MODULES + ".");
            }
            if (modules.contains(module.asText())) {
                throw OpenAiException.invalid(h.param("target_modules"), "Invalid 'target_modules': "
                        + module + " is listed twice.");
            }
            modules.add(module.asText());
        }
        return modules;
    }
}
