package dev.aft.augment.run;

import dev.aft.contracts.content.ContentFetcher;
import dev.aft.contracts.events.ContentLink;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Fetches a dataset's documents through the claim check the event carries ({@link ContentFetcher}), and fails
 * the run loudly ({@link RunFailure}) when the link is broken or the bytes do not match its sha256. No answer
 * and 5xx are retried for about a minute and a half (a restarting dataset-service is waited out).
 */
@ApplicationScoped
public class DocumentSource {

    private static final int ATTEMPTS = 10;

    private final ContentFetcher fetcher = new ContentFetcher(Duration.ofMinutes(2), ATTEMPTS,
            (message, cause) -> cause == null ? new RunFailure(message) : new RunFailure(message, cause));

    public byte[] fetch(ContentLink link) {
        return fetcher.fetch(link, "documents.jsonl");
    }
}
