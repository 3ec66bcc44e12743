package dev.aft.augment.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.aft.augment.domain.ContextSelection;
import dev.aft.augment.domain.PromptSpec;
import dev.aft.modelclient.ModelApiException;
import dev.aft.modelclient.ModelClient;
import dev.aft.modelclient.ModelClientSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The batch caller against a stand-in backend whose context holds prompts of at most {@value #LIMIT} characters
 * (answering OpenAI's 400 {@code context_length_exceeded} otherwise) and that answers each prompt with its
 * length.
 */
class BatchCallerTest {

    private static final int LIMIT = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private ModelClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/completions", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            ObjectNode answer = JSON.createObjectNode();
            int status = 200;
            int promptTokens = 0;
            ArrayNode choices = answer.putArray("choices");
            for (JsonNode prompt : request.path("prompt")) {
                if (prompt.asText().length() > LIMIT) {
                    status = 400;
                }
                promptTokens += prompt.asText().length();
                choices.addObject().put("index", choices.size()).put("text", "length " + prompt.asText().length() + ".");
            }
            if (status == 400) {
                answer.removeAll();
                answer.putObject("error").put("message", "This model's maximum context length is " + LIMIT + " tokens")
                        .put("type", "invalid_request_error").put("code", "context_length_exceeded");
            } else {
                answer.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", 2 * choices.size());
            }
            byte[] body = JSON.writeValueAsBytes(answer);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = new ModelClient(ModelClientSettings.of("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
                .withRetries(1, Duration.ZERO, Duration.ZERO));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static PromptSpec local(String id, String text) {
        return new PromptSpec(id, text, List.of("d"), 0, null);
    }

    private static PromptSpec global(String text, int budget) {
        return new PromptSpec("global:d", text, List.of("d"), null, new ContextSelection(3, List.of("a", "b", "c"), false,
                text.length(), budget));
    }

    @Test
    void aBatchThatFitsIsOneRequestWithTheSampleSeedAndTheTemplatesStops() {
        BatchCaller caller = new BatchCaller(client, "m", 16, 0.7, 100, List.of("\n\n"), null);
        Batch.Answer answer = caller.call(new Batch(List.of(local("p1", "short"), local("p2", "a bit longer")), 3));
        assertThat(answer.texts()).containsExactly("length 5.", "length 12.");
        assertThat(answer.promptTokens()).isEqualTo(17);
        assertThat(answer.completionTokens()).isEqualTo(4);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).path("seed").asLong()).isEqualTo(103);
        assertThat(requests.get(0).path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(requests.get(0).path("stop").get(0).asText()).isEqualTo("\n\n");
    }

    @Test
    void aPromptOverTheContextIsIsolatedAndCountedWhileTheOthersAreAnswered() {
        BatchCaller caller = new BatchCaller(client, "m", 16, 0.0, 1, List.of(), null);
        String tooLong = "x".repeat(LIMIT + 1);
        Batch.Answer answer = caller.call(new Batch(List.of(local("p1", "short"), local("p2", tooLong),
                new PromptSpec("p3", null, List.of("d"), 0, null)), 0));
        List<String> texts = new ArrayList<>(answer.texts());
        assertThat(texts).containsExactly("length 5.", null, null);
        assertThat(answer.sent().get(1).overContext()).isTrue();
        assertThat(requests).as("the batch, then each sendable prompt alone").hasSize(3);
    }

    @Test
    void aGlobalPromptOverTheContextIsRebuiltSmallerUntilItFits() {
        List<Integer> budgets = new ArrayList<>();
        BatchCaller caller = new BatchCaller(client, "m", 16, 0.0, 1, List.of(), prompt -> {
            int smaller = (int) (prompt.context().budget() * 0.75);
            budgets.add(smaller);
            return global("y".repeat(smaller), smaller);
        });
        Batch.Answer answer = caller.call(new Batch(List.of(global("y".repeat(64), 64)), 0));
        assertThat(budgets).containsExactly(48, 36);
        assertThat(answer.texts()).containsExactly("length 36.");
        assertThat(answer.sent().get(0).context().budget()).as("the prompt actually sent is recorded").isEqualTo(36);
    }

    @Test
    void otherErrorsPropagate() {
        server.removeContext("/v1/completions");
        BatchCaller caller = new BatchCaller(client, "m", 16, 0.0, 1, List.of(), null);
        assertThatThrownBy(() -> caller.call(new Batch(List.of(local("p1", "short")), 0)))
                .isInstanceOf(ModelApiException.class).hasMessageContaining("404");
    }
}
