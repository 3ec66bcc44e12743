package dev.aft.augment.run;

import dev.aft.augment.domain.StatementsJsonl;
import dev.aft.contracts.events.ContentLink;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches a dataset's documents through the claim check the event carries, and fails the run loudly when the
 * link is broken or the bytes do not match its sha256. No answer and 5xx are retried a few times.
 */
@ApplicationScoped
public class DocumentSource {

    private static final int ATTEMPTS = 5;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public byte[] fetch(ContentLink link) {
        String problem = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                sleep(250L << (attempt - 2));
            }
            HttpResponse<byte[]> response;
            try {
                response = http.send(HttpRequest.newBuilder(URI.create(link.url())).timeout(Duration.ofMinutes(2)).GET()
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                problem = "no answer (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                        + e.getMessage()) + ")";
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted fetching " + link.url(), e);
            } catch (IllegalArgumentException e) {
                throw new RunFailure("the documents link '" + link.url() + "' is not a valid URL", e);
            }
            if (response.statusCode() >= 500) {
                problem = "status " + response.statusCode();
                continue;
            }
            if (response.statusCode() != 200) {
                throw new RunFailure("cannot fetch the dataset's documents from " + link.url() + ": status "
                        + response.statusCode());
            }
            byte[] body = response.body();
            String sha256 = StatementsJsonl.sha256(body);
            if (!sha256.equals(link.sha256()) || body.length != link.bytes()) {
                throw new RunFailure("the documents at " + link.url() + " do not match DatasetCreated: sha256 "
                        + sha256 + " (" + body.length + " bytes), expected " + link.sha256() + " (" + link.bytes()
                        + " bytes)");
            }
            return body;
        }
        throw new RunFailure("cannot fetch the dataset's documents from " + link.url() + " after " + ATTEMPTS
                + " attempts: " + problem);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
