package dev.aft.modelclient;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the model server is and how to talk to it.
 *
 * @param baseUrl        the API root, e.g. {@code http://localhost:8085/v1} (a trailing slash is optional)
 * @param apiKey         sent as {@code Authorization: Bearer ...} when not null or blank
 * @param requestTimeout per attempt
 * @param maxConcurrency requests in flight at once; more wait their turn
 * @param maxAttempts    attempts per request (1 = no retry); only retryable failures are retried
 * @param initialBackoff wait before the first retry, doubled each time (with jitter) up to {@code maxBackoff};
 *                       a server's {@code Retry-After} is honoured when longer
 */
public record ModelClientSettings(URI baseUrl, String apiKey, Duration requestTimeout, int maxConcurrency,
        int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public ModelClientSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("The model base URL must be http(s), got " + baseUrl);
        }
        if (!baseUrl.toString().endsWith("/")) {
            baseUrl = URI.create(baseUrl + "/");
        }
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (maxConcurrency < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("maxConcurrency and maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("Backoff must be >= 0 and maxBackoff >= initialBackoff");
        }
    }

    public static ModelClientSettings of(String baseUrl) {
        return new ModelClientSettings(URI.create(baseUrl), null, Duration.ofMinutes(5), 4, 5, Duration.ofMillis(200),
                Duration.ofSeconds(10));
    }

    public ModelClientSettings withApiKey(String key) {
        return new ModelClientSettings(baseUrl, key, requestTimeout, maxConcurrency, maxAttempts, initialBackoff,
                maxBackoff);
    }

    public ModelClientSettings withRetries(int attempts, Duration initial, Duration max) {
        return new ModelClientSettings(baseUrl, apiKey, requestTimeout, maxConcurrency, attempts, initial, max);
    }

    public ModelClientSettings withConcurrency(int concurrency) {
        return new ModelClientSettings(baseUrl, apiKey, requestTimeout, concurrency, maxAttempts, initialBackoff,
                maxBackoff);
    }

    public ModelClientSettings withTimeout(Duration timeout) {
        return new ModelClientSettings(baseUrl, apiKey, timeout, maxConcurrency, maxAttempts, initialBackoff,
                maxBackoff);
    }
}
