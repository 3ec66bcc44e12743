package dev.aft.contracts.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.aft.contracts.events.ContentLink;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContentFetcherTest {

    private static final byte[] BODY = "{\"id\":\"d-0001\"}\n".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final ContentFetcher fetcher = new ContentFetcher(Duration.ofSeconds(5), 3, IllegalStateException::new);

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/content", exchange -> {
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 200;
            exchange.sendResponseHeaders(status, status == 200 ? BODY.length : -1);
            if (status == 200) {
                exchange.getResponseBody().write(BODY);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void matchingContentIsReturnedAfterRetryingServerErrors() {
        failuresLeft.set(2);
        ContentLink link = new ContentLink(url("/content"), ContentFetcher.sha256(BODY), BODY.length, ContentLink.JSONL);
        assertThat(fetcher.fetch(link, "documents.jsonl")).isEqualTo(BODY);
    }

    @Test
    void aMismatchOrABrokenLinkIsTheCallersFailureNamingTheLink() {
        ContentLink wrongHash = new ContentLink(url("/content"), ContentFetcher.sha256(new byte[1]), BODY.length,
                ContentLink.JSONL);
        assertThatThrownBy(() -> fetcher.fetch(wrongHash, "tests.jsonl")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tests.jsonl").hasMessageContaining("refusing content");
        ContentLink missing = new ContentLink(url("/nothing"), ContentFetcher.sha256(BODY), BODY.length,
                ContentLink.JSONL);
        assertThatThrownBy(() -> fetcher.fetch(missing, "tests.jsonl")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is broken: HTTP 404");
        failuresLeft.set(5);
        ContentLink failing = new ContentLink(url("/content"), ContentFetcher.sha256(BODY), BODY.length,
                ContentLink.JSONL);
        assertThatThrownBy(() -> fetcher.fetch(failing, "tests.jsonl")).hasMessageContaining("HTTP 503 after 3 attempt(s)");
    }

    @Test
    void triesAgainAfterHalfASecondThenTwiceAsLongUpToFifteenSeconds() {
        assertThat(java.util.stream.IntStream.rangeClosed(2, 11).mapToLong(ContentFetcher::backoffMillis).toArray())
                .containsExactly(500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000, 15_000, 15_000);
        assertThat(ContentFetcher.backoffMillis(200)).isEqualTo(15_000);
    }
}
