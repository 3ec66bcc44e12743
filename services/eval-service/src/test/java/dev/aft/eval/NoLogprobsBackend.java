package dev.aft.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for a third-party OpenAI-compatible backend that answers completions but returns no prompt
 * log-probabilities (as some hosted APIs do for echo): {@code "logprobs": null} on every choice.
 */
final class NoLogprobsBackend implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;

    private NoLogprobsBackend(HttpServer server) {
        this.server = server;
    }

    static NoLogprobsBackend start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/completions", NoLogprobsBackend::completions);
            server.createContext("/v1/models", exchange -> answer(exchange, 200,
                    JSON.createObjectNode().put("id", "tiny").put("object", "model")));
            server.start();
            return new NoLogprobsBackend(server);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private static void completions(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        ObjectNode response = JSON.createObjectNode().put("id", "cmpl-x").put("object", "text_completion")
                .put("model", request.path("model").asText());
        ArrayNode choices = response.putArray("choices");
        int tokens = 0;
        for (int i = 0; i < request.path("prompt").size(); i++) {
            String prompt = request.path("prompt").get(i).asText();
            tokens += prompt.split("\\s+").length;
            choices.addObject().put("index", i).put("text", prompt).putNull("logprobs").put("finish_reason", "length");
        }
        response.putObject("usage").put("prompt_tokens", tokens).put("completion_tokens", 0).put("total_tokens", tokens);
        answer(exchange, 200, response);
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
