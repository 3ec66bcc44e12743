package dev.aft.knowledge.truth;

import java.util.List;

/** How many of the valid inferences of one kind a set of statements states, and which ones it misses. */
public record Coverage(Inference.Kind kind, int targets, int covered, List<String> missedIds) {

    public Coverage {
        missedIds = List.copyOf(missedIds);
    }

    /** covered / targets, or empty when the world has no such inference. */
    public java.util.OptionalDouble fraction() {
        return targets == 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of((double) covered / targets);
    }
}
