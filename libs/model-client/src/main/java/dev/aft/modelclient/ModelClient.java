package dev.aft.modelclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * A client for the OpenAI-compatible model protocol (model-service, vLLM, a hosted API): completions with
 * prompt log-probabilities, models, files and fine-tuning jobs. Thread-safe; at most
 * {@link ModelClientSettings#maxConcurrency()} requests are in flight, each attempt bounded by the request
 * timeout, retryable failures (no answer, 408, 409, 429, 5xx) retried with exponential backoff and jitter.
 * Token usage reported by the server is added up ({@link #usage()}): the cost of a run.
 */
public final class ModelClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelClientSettings settings;
    private final HttpClient http;
    private final Semaphore permits;
    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder completionTokens = new LongAdder();
    private final LongAdder retries = new LongAdder();

    public ModelClient(ModelClientSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.permits = new Semaphore(settings.maxConcurrency(), true);
    }

    public ModelClientSettings settings() {
        return settings;
    }

    /** Tokens the server reported so far: prompt and completion. */
    public Completion.Usage usage() {
        long prompt = promptTokens.sum();
        long completion = completionTokens.sum();
        return new Completion.Usage(prompt, completion, prompt + completion);
    }

    /** Attempts repeated after a retryable failure, so far. */
    public long retries() {
        return retries.sum();
    }

    public Completion.Response complete(Completion.Request request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", request.model());
        ArrayNode prompts = body.putArray("prompt");
        request.prompts().forEach(prompts::add);
        if (request.maxTokens() != null) {
            body.put("max_tokens", request.maxTokens());
        }
        if (request.echo() != null) {
            body.put("echo", request.echo());
        }
        if (request.logprobs() != null) {
            body.put("logprobs", request.logprobs());
        }
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.topP() != null) {
            body.put("top_p", request.topP());
        }
        if (request.n() != null) {
            body.put("n", request.n());
        }
        if (request.seed() != null) {
            body.put("seed", request.seed());
        }
        if (request.stop() != null && !request.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            request.stop().forEach(stop::add);
        }
        Completion.Response response = parseCompletion(post("completions", body));
        if (response.usage() != null) {
            promptTokens.add(response.usage().promptTokens());
            completionTokens.add(response.usage().completionTokens());
        }
        return response;
    }

    /** A model's entry of {@code GET /models/{id}}; its context length when the server tells it. */
    public record ModelInfo(String id, Optional<Integer> contextLength) {
    }

    public ModelInfo model(String id) {
        JsonNode node = get("models/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
        JsonNode length = node.has("max_model_len") ? node.get("max_model_len") : node.get("context_length");
        return new ModelInfo(node.path("id").asText(id),
                length == null || !length.canConvertToInt() ? Optional.empty() : Optional.of(length.asInt()));
    }

    public List<String> models() {
        List<String> ids = new ArrayList<>();
        get("models").path("data").forEach(model -> ids.add(model.path("id").asText()));
        return ids;
    }

    /** {@code GET} a path under the base URL; the answer's JSON. */
    public JsonNode get(String path) {
        return send(path, () -> HttpRequest.newBuilder(resolve(path)).GET());
    }

    /** {@code POST} JSON to a path under the base URL; the answer's JSON. */
    public JsonNode post(String path, JsonNode body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot encode request body: " + e.getMessage(), e);
        }
        return send(path, () -> HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    /** {@code POST /files} as multipart form data: the file and its purpose (e.g. {@code fine-tune}). */
    public JsonNode uploadFile(String filename, byte[] content, String purpose) {
        String boundary = "aft-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n" + purpose + "\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename.replace("\"", "") + "\"\r\nContent-Type: application/jsonl\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        byte[] bytes = body.toByteArray();
        return send("files", () -> HttpRequest.newBuilder(resolve("files"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private URI resolve(String path) {
        return settings.baseUrl().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    private JsonNode send(String path, java.util.function.Supplier<HttpRequest.Builder> request) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelApiException(0, "interrupted", null, null, "Interrupted waiting to call " + path, e);
        }
        try {
            ModelApiException last = null;
            for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
                if (attempt > 1) {
                    retries.increment();
                    pause(attempt, last);
                }
                try {
                    return attempt(path, request.get());
                } catch (ModelApiException e) {
                    if (!e.retryable()) {
                        throw e;
                    }
                    last = e;
                }
            }
            throw new ModelApiException(last.status(), last.type(), last.code(), last.param(),
                    last.getMessage() + " (gave up after " + settings.maxAttempts() + " attempts)", last);
        } finally {
            permits.release();
        }
    }

    private JsonNode attempt(String path, HttpRequest.Builder builder) {
        builder.timeout(settings.requestTimeout()).header("Accept", "application/json");
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            builder.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpRequest request = builder.build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ModelApiException(0, "connection_error", null, null, "No answer from " + request.uri() + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelApiException(0, "interrupted", null, null, "Interrupted calling " + request.uri(), e);
        }
        int status = response.statusCode();
        JsonNode json = null;
        try {
            json = response.body().length == 0 ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            if (status < 300) {
                throw new ModelApiException(status, "invalid_response", null, null, request.method() + " "
                        + request.uri() + " answered " + status + " with a body that is not JSON", e);
            }
        }
        if (status >= 300) {
            JsonNode error = json == null ? null : json.get("error");
            String message = error != null && error.hasNonNull("message") ? error.get("message").asText()
                    : new String(response.body(), StandardCharsets.UTF_8);
            ModelApiException failure = new ModelApiException(status,
                    error == null ? null : error.path("type").asText(null),
                    error == null ? null : error.path("code").asText(null),
                    error == null ? null : error.path("param").asText(null),
                    request.method() + " " + request.uri() + " answered " + status + ": "
                            + (message.length() > 500 ? message.substring(0, 500) + "..." : message), null);
            response.headers().firstValue("Retry-After").ifPresent(value -> retryAfter.set(parseSeconds(value)));
            throw failure;
        }
        if (json == null) {
            throw new ModelApiException(status, "invalid_response", null, null, request.method() + " " + request.uri()
                    + " answered " + status + " with an empty body", null);
        }
        return json;
    }

    private final ThreadLocal<Duration> retryAfter = new ThreadLocal<>();

    private static Duration parseSeconds(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void pause(int attempt, ModelApiException cause) {
        long base = settings.initialBackoff().toMillis() << Math.min(20, attempt - 2);
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        long wait = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        Duration hinted = retryAfter.get();
        retryAfter.remove();
        if (hinted != null && cause != null && cause.status() == 429) {
            wait = Math.max(wait, Math.min(hinted.toMillis(), settings.maxBackoff().toMillis()));
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelApiException(0, "interrupted", null, null, "Interrupted while backing off", e);
        }
    }

    static Completion.Response parseCompletion(JsonNode json) {
        List<Completion.Choice> choices = new ArrayList<>();
        for (JsonNode choice : json.path("choices")) {
            JsonNode logprobs = choice.get("logprobs");
            Completion.Logprobs parsed = null;
            if (logprobs != null && !logprobs.isNull()) {
                List<String> tokens = new ArrayList<>();
                logprobs.path("tokens").forEach(t -> tokens.add(t.asText()));
                List<Double> values = new ArrayList<>();
                logprobs.path("token_logprobs").forEach(v -> values.add(v.isNull() ? null : v.asDouble()));
                List<Map<String, Double>> tops = new ArrayList<>();
                logprobs.path("top_logprobs").forEach(top -> {
                    if (top.isNull()) {
                        tops.add(null);
                    } else {
                        Map<String, Double> map = new LinkedHashMap<>();
                        top.fields().forEachRemaining(f -> map.put(f.getKey(), f.getValue().asDouble()));
                        tops.add(map);
                    }
                });
                List<Integer> offsets = new ArrayList<>();
                logprobs.path("text_offset").forEach(o -> offsets.add(o.asInt()));
                parsed = new Completion.Logprobs(tokens, values, tops, offsets);
            }
            choices.add(new Completion.Choice(choice.path("index").asInt(), choice.path("text").asText(""), parsed,
                    choice.path("finish_reason").asText(null)));
        }
        JsonNode usage = json.get("usage");
        return new Completion.Response(json.path("id").asText(null), json.path("model").asText(null), choices,
                usage == null ? null : new Completion.Usage(usage.path("prompt_tokens").asLong(),
                        usage.path("completion_tokens").asLong(), usage.path("total_tokens").asLong()));
    }
}
