package dev.aft.contracts.events;

import static dev.aft.contracts.Checks.nonNegative;
import static dev.aft.contracts.Checks.requiredText;
import static dev.aft.contracts.Checks.sha256Hex;

/**
 * A claim check: where the owning service serves a piece of content, and the SHA-256 and size it must have.
 * Large content never rides in an event; a consumer that finds a broken link or a mismatch fails the stage.
 */
public record ContentLink(String url, String sha256, long bytes, String mediaType) {

    public static final String JSONL = "application/x-ndjson";

    public ContentLink {
        requiredText(url, "url");
        sha256Hex(sha256, "sha256");
        nonNegative(bytes, "bytes");
        requiredText(mediaType, "mediaType");
    }
}
