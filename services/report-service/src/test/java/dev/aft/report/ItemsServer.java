package dev.aft.report;

import com.sun.net.httpserver.HttpServer;
import dev.aft.contracts.content.ContentFetcher;
import dev.aft.contracts.events.ContentLink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves {@code items.jsonl} content the way eval-service does (GET, exact bytes), so that the claim checks in
 * the tests' {@code EvaluationCompleted} events can be followed. One per test JVM.
 */
final class ItemsServer {

    private static ItemsServer shared;

    private final HttpServer server;
    private final Map<String, byte[]> content = new ConcurrentHashMap<>();

    private ItemsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = content.get(exchange.getRequestURI().getPath());
            try (OutputStream out = exchange.getResponseBody()) {
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.getResponseHeaders().add("Content-Type", ContentLink.JSONL);
                    exchange.sendResponseHeaders(200, body.length);
                    out.write(body);
                }
            }
        });
        server.start();
    }

    static synchronized ItemsServer get() {
        if (shared == null) {
            try {
                shared = new ItemsServer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** Serves {@code bytes} under a new path; the link announces their size and sha256. */
    ContentLink serve(byte[] bytes) {
        String path = "/evaluations/" + UUID.randomUUID() + "/items.jsonl";
        content.put(path, bytes);
        return new ContentLink("http://127.0.0.1:" + server.getAddress().getPort() + path,
                ContentFetcher.sha256(bytes), bytes.length, ContentLink.JSONL);
    }
}
