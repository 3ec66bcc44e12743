package dev.aft.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * A training document: its id, its text, and the ids of the facts it states (so tests can prove that every
 * fact a test needs appears in at least one document).
 */
public record Document(String id, String text, List<String> factIds) {

    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        factIds = List.copyOf(factIds);
    }
}
