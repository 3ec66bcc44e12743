package dev.aft.finetune.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aft.contracts.plan.Hyperparameters;
import dev.aft.contracts.plan.TrainingMethod;
import dev.aft.modelclient.ModelClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The OpenAI-compatible fine-tuning API through libs/model-client: {@code POST /files}, {@code POST
 * /fine_tuning/jobs} with AFT's hyperparameters under {@code method.supervised} or {@code method.lora}, the job and
 * its {@code metrics} events, cancel. A job is found again by its {@code user_provided_suffix}.
 */
public final class OpenAiFineTuning implements TrainingBackend {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 100;

    private final ModelClient client;

    public OpenAiFineTuning(ModelClient client) {
        this.client = client;
    }

    @Override
    public String uploadFile(String filename, byte[] jsonl) {
        return client.uploadFile(filename, jsonl, "fine-tune").path("id").asText();
    }

    @Override
    public Optional<String> findJob(String suffix) {
        String after = null;
        for (int page = 0; page < 50; page++) {
            JsonNode list = client.get("fine_tuning/jobs?limit=" + PAGE + (after == null ? "" : "&after=" + encode(after)));
            for (JsonNode job : list.path("data")) {
                if (suffix.equals(job.path("user_provided_suffix").asText(null))) {
                    return Optional.of(job.path("id").asText());
                }
                after = job.path("id").asText();
            }
            if (!list.path("has_more").asBoolean(false) || after == null) {
                break;
            }
        }
        return Optional.empty();
    }

    @Override
    public String createJob(JobSpec spec) {
        return client.post("fine_tuning/jobs", request(spec)).path("id").asText();
    }

    /** The job request: hyperparameters under the method, seed at the top, the run's suffix. */
    static ObjectNode request(JobSpec spec) {
        Hyperparameters h = spec.hyperparameters();
        ObjectNode body = JSON.createObjectNode();
        body.put("model", spec.baseModel());
        body.put("training_file", spec.fileId());
        body.put("suffix", spec.suffix());
        body.put("seed", h.seed());
        String type = h.method() == TrainingMethod.LORA ? "lora" : "supervised";
        ObjectNode method = body.putObject("method");
        method.put("type", type);
        ObjectNode hyper = method.putObject(type).putObject("hyperparameters");
        hyper.put("steps", h.steps());
        hyper.put("batch_size", h.batchSize());
        hyper.put("learning_rate", h.learningRate());
        if (h.method() == TrainingMethod.LORA) {
            hyper.put("rank", h.lora().rank());
            hyper.put("alpha", h.lora().alpha());
            h.lora().targetModules().forEach(hyper.putArray("target_modules")::add);
        }
        return body;
    }

    @Override
    public JobStatus job(String jobId) {
        JsonNode job = client.get("fine_tuning/jobs/" + encode(jobId));
        JsonNode error = job.path("error");
        String problem = error.isObject() && error.hasNonNull("message")
                ? error.path("code").asText("error") + ": " + error.path("message").asText() : null;
        return new JobStatus(jobId, job.path("status").asText(), job.path("fine_tuned_model").asText(null),
                job.hasNonNull("trained_tokens") ? job.get("trained_tokens").asLong() : null, problem);
    }

    @Override
    public List<LossPoint> losses(String jobId) {
        Map<Integer, LossPoint> byStep = new TreeMap<>();
        String after = null;
        for (int page = 0; page < 100; page++) {
            JsonNode list = client.get("fine_tuning/jobs/" + encode(jobId) + "/events?limit=" + PAGE
                    + (after == null ? "" : "&after=" + encode(after)));
            for (JsonNode event : list.path("data")) {
                after = event.path("id").asText();
                JsonNode data = event.path("data");
                if ("metrics".equals(event.path("type").asText()) && data.has("step") && data.has("train_loss")) {
                    int step = data.get("step").asInt();
                    byStep.putIfAbsent(step, new LossPoint(step, data.path("total_steps").asInt(step),
                            data.get("train_loss").asDouble()));
                }
            }
            if (!list.path("has_more").asBoolean(false) || after == null) {
                break;
            }
        }
        List<LossPoint> points = new ArrayList<>(byStep.values());
        points.sort(Comparator.comparingInt(LossPoint::step));
        return points;
    }

    @Override
    public void cancel(String jobId) {
        client.post("fine_tuning/jobs/" + encode(jobId) + "/cancel", JSON.createObjectNode());
    }

    @Override
    public String describe() {
        return client.settings().baseUrl().toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
