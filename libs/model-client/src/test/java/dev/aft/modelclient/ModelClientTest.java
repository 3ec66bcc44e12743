package dev.aft.modelclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's failure handling against a stand-in for a hosted OpenAI-compatible API that fails on command
 * (the services' tests check the same client against the real model-service).
 */
class ModelClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPLETION = """
            {"id": "cmpl-1", "object": "text_completion", "model": "m",
             "choices": [{"index": 0, "text": "the wug", "finish_reason": "length",
                          "logprobs": {"tokens": ["the", " wug"], "token_logprobs": [null, -1.5],
                                       "top_logprobs": [null, {" wug": -1.5}], "text_offset": [0, 3]}}],
             "usage": {"prompt_tokens": 2, "completion_tokens": 0, "total_tokens": 2}}
            """;

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Handler handler;

    interface Handler {
        void handle(HttpExchange exchange, int call) throws IOException;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/v1/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization);
            handler.handle(exchange, calls.incrementAndGet());
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ModelClient client(int attempts) {
        return new ModelClient(ModelClientSettings.of("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                .withRetries(attempts, Duration.ofMillis(10), Duration.ofMillis(200))
                .withTimeout(Duration.ofSeconds(5)));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String error(String message, String code, String param) {
        return "{\"error\": {\"message\": \"" + message + "\", \"type\": \"invalid_request_error\", \"param\": "
                + (param == null ? "null" : "\"" + param + "\"") + ", \"code\": \"" + code + "\"}}";
    }

    @Test
    void scoringRequestsHaveTheHarnessShapeAndAnswersAreParsed() throws IOException {
        handler = (exchange, call) -> answer(exchange, 200, COMPLETION);
        ModelClient client = client(1);

        Completion.Response response = client.complete(Completion.Request.scoring("m", List.of("the wug")));

        JsonNode sent = JSON.readTree(bodies.get(0));
        assertThat(sent.get("prompt").get(0).asText()).isEqualTo("the wug");
        assertThat(sent.get("echo").asBoolean()).isTrue();
        assertThat(sent.get("logprobs").asInt()).isEqualTo(1);
        assertThat(sent.get("max_tokens").asInt()).isZero();
        assertThat(sent.get("temperature").asDouble()).isZero();
        Completion.Logprobs logprobs = response.choices().get(0).logprobs();
        assertThat(logprobs.tokenLogprobs()).containsExactly(null, -1.5);
        assertThat(logprobs.textOffset()).containsExactly(0, 3);
        assertThat(logprobs.topLogprobs().get(1)).containsEntry(" wug", -1.5);
        assertThat(client.usage().promptTokens()).isEqualTo(2);
    }

    @Test
    void unavailableAndRateLimitedAnswersAreRetriedWithBackoff() {
        handler = (exchange, call) -> {
            if (call == 1) {
                answer(exchange, 503, error("warming up", "unavailable", null));
            } else if (call == 2) {
                exchange.getResponseHeaders().add("Retry-After", "0");
                answer(exchange, 429, error("slow down", "rate_limit_exceeded", null));
            } else {
                answer(exchange, 200, COMPLETION);
            }
        };
        ModelClient client = client(3);

        Completion.Response response = client.complete(Completion.Request.scoring("m", List.of("x")));

        assertThat(response.choices()).hasSize(1);
        assertThat(client.retries()).isEqualTo(2);
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void clientErrorsAreNotRetriedAndKeepTheServersReason() {
        handler = (exchange, call) -> answer(exchange, 404, error("The model 'x' does not exist", "model_not_found",
                "model"));
        ModelClient client = client(5);

        assertThatThrownBy(() -> client.complete(Completion.Request.scoring("x", List.of("a"))))
                .isInstanceOfSatisfying(ModelApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("model_not_found");
                    assertThat(e.param()).isEqualTo("model");
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("The model 'x' does not exist");
                });
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void persistentServerErrorsGiveUpAfterTheConfiguredAttempts() {
        handler = (exchange, call) -> answer(exchange, 500, "plain text failure");
        ModelClient client = client(3);

        assertThatThrownBy(() -> client.complete(Completion.Request.scoring("m", List.of("a"))))
                .isInstanceOfSatisfying(ModelApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.getMessage()).contains("plain text failure").contains("gave up after 3 attempts");
                });
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void concurrencyIsBounded() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        handler = (exchange, call) -> {
            int now = inFlight.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            answer(exchange, 200, COMPLETION);
        };
        ModelClient client = new ModelClient(ModelClientSettings.of("http://127.0.0.1:"
                + server.getAddress().getPort() + "/v1").withConcurrency(2));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Completion.Response>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futures.add(pool.submit(() -> client.complete(Completion.Request.scoring("m", List.of("a")))));
        }
        for (Future<Completion.Response> future : futures) {
            future.get();
        }
        pool.shutdown();

        assertThat(most.get()).isBetween(1, 2);
        assertThat(client.usage().promptTokens()).isEqualTo(16);
    }

    @Test
    void slowAnswersTimeOutAndUnreachableServersAreNamed() {
        handler = (exchange, call) -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, COMPLETION);
        };
        ModelClient slow = new ModelClient(ModelClientSettings.of("http://127.0.0.1:" + server.getAddress().getPort()
                + "/v1").withTimeout(Duration.ofMillis(200)).withRetries(1, Duration.ZERO, Duration.ZERO));
        assertThatThrownBy(() -> slow.complete(Completion.Request.scoring("m", List.of("a"))))
                .isInstanceOfSatisfying(ModelApiException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("No answer").contains("Timeout");
                });

        int port = server.getAddress().getPort();
        server.stop(0);
        ModelClient gone = new ModelClient(ModelClientSettings.of("http://127.0.0.1:" + port + "/v1")
                .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(1)));
        assertThatThrownBy(() -> gone.models()).isInstanceOfSatisfying(ModelApiException.class,
                e -> assertThat(e.getMessage()).contains("No answer from http://127.0.0.1:" + port + "/v1/models")
                        .contains("gave up after 2 attempts"));
    }

    @Test
    void filesGoOutAsMultipartWithTheKeyInTheHeader() throws IOException {
        handler = (exchange, call) -> answer(exchange, 200, "{\"id\": \"file-1\", \"object\": \"file\"}");
        ModelClient client = new ModelClient(ModelClientSettings.of("http://127.0.0.1:"
                + server.getAddress().getPort() + "/v1/").withApiKey("secret"));

        JsonNode file = client.uploadFile("train.jsonl", "{\"text\": \"a\"}\n".getBytes(StandardCharsets.UTF_8),
                "fine-tune");

        assertThat(file.get("id").asText()).isEqualTo("file-1");
        assertThat(bodies.get(0)).contains("name=\"purpose\"\r\n\r\nfine-tune")
                .contains("filename=\"train.jsonl\"").contains("{\"text\": \"a\"}");
        assertThat(authorizations.get(0)).isEqualTo("Bearer secret");
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> ModelClientSettings.of("ftp://host/v1"))
                .hasMessageContaining("must be http(s)");
        assertThatThrownBy(() -> ModelClientSettings.of("http://host/v1").withConcurrency(0))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Completion.Request.scoring("m", List.of()))
                .hasMessageContaining("at least one prompt");
    }
}
