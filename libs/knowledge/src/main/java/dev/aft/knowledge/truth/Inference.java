package dev.aft.knowledge.truth;

import java.util.List;
import java.util.Objects;

/**
 * A statement that follows from a generated world's facts but that no training document states: a valid
 * reversal of one fact, or a two-step conclusion from two facts. {@code sentence} is one canonical wording;
 * {@link GroundTruth#inferencesStated} also recognizes the other wordings that state it.
 */
public record Inference(String id, Kind kind, String sentence, List<String> factIds) {

    /** What kind of inference, and so which augmentation is expected to write it. */
    public enum Kind {
        /** One fact read in the other direction (local augmentation's target). */
        REVERSAL,
        /** A conclusion that needs two facts together (global augmentation's target). */
        TWO_STEP
    }

    public Inference {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sentence, "sentence");
        factIds = List.copyOf(factIds);
    }
}
