package dev.aft.contracts.content;

import dev.aft.contracts.events.ContentLink;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Reads a claim check: GETs the link and accepts the bytes only if their size and SHA-256 are the ones the
 * event announced. A broken link, an error answer or a mismatch is the failure the caller's factory makes
 * (message, cause or null) naming the link; only "no answer" and 5xx are tried again, after 0.5 s, then twice as
 * long each time, at most {@value #MAX_BACKOFF_MILLIS} ms: ten attempts wait out an owner that restarts within
 * about a minute and a half.
 */
public final class ContentFetcher {

    static final long FIRST_BACKOFF_MILLIS = 500;
    static final long MAX_BACKOFF_MILLIS = 15_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Duration timeout;
    private final int attempts;
    private final BiFunction<String, Throwable, RuntimeException> failure;

    /**
     * @param failure makes the exception a broken link or a mismatch throws, from its message and cause (null
     *                when there is none), e.g. the service's own failure type
     */
    public ContentFetcher(Duration timeout, int attempts, BiFunction<String, Throwable, RuntimeException> failure) {
        this.timeout = timeout;
        this.attempts = Math.max(1, attempts);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** The verified content of {@code link}; {@code name} (e.g. {@code tests.jsonl}) names it in errors. */
    public byte[] fetch(ContentLink link, String name) {
        URI uri;
        try {
            uri = URI.create(link.url());
        } catch (IllegalArgumentException e) {
            throw failure.apply("the " + name + " link '" + link.url() + "' is not a URL: " + e.getMessage(), e);
        }
        String problem = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                sleep(backoffMillis(attempt));
            }
            HttpResponse<byte[]> response;
            try {
                response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException | IllegalArgumentException e) {
                problem = "no answer (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted reading " + link.url());
            }
            if (response.statusCode() >= 500) {
                problem = "HTTP " + response.statusCode();
                continue;
            }
            if (response.statusCode() != 200) {
                throw failure.apply("the " + name + " link " + link.url() + " is broken: HTTP "
                        + response.statusCode(), null);
            }
            return verified(link, name, response.body());
        }
        throw failure.apply("the " + name + " link " + link.url() + " is broken: " + problem + " after "
                + attempts + " attempt(s)", null);
    }

    /** The pause before attempt {@code attempt} (2 or more). */
    static long backoffMillis(int attempt) {
        return Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(attempt - 2, 20));
    }

    byte[] verified(ContentLink link, String name, byte[] body) {
        String sha256 = sha256(body);
        if (body.length != link.bytes() || !sha256.equals(link.sha256())) {
            throw failure.apply("the " + name + " link " + link.url() + " served " + body.length
                    + " bytes with sha256 " + sha256 + ", but the event announced " + link.bytes()
                    + " bytes with sha256 " + link.sha256() + "; refusing content that is not what the event"
                    + " announced", null);
        }
        return body;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        }
    }
}
