package dev.aft.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * A multiple-choice test item, scored the way lm-evaluation-harness scores multiple choice: each option is a
 * continuation of {@code prefix} after a single space; the option with the highest log-likelihood wins. The
 * options are never shown to the model. {@code split} is the test split (e.g. {@code reversal}),
 * {@code subType} a finer kind within it (e.g. {@code property} vs {@code category}), and {@code provenance}
 * the ids of the training facts the correct answer follows from.
 */
public record TestItem(
        String id,
        String split,
        String subType,
        String prefix,
        List<String> options,
        int correct,
        List<String> provenance) {

    public TestItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(subType, "subType");
        Objects.requireNonNull(prefix, "prefix");
        options = List.copyOf(options);
        provenance = List.copyOf(provenance);
        if (options.size() < 2) {
            throw new IllegalArgumentException("test item " + id + " needs at least two options");
        }
        if (correct < 0 || correct >= options.size()) {
            throw new IllegalArgumentException("test item " + id + ": correct index " + correct
                    + " is out of range for " + options.size() + " options");
        }
    }

    public String correctOption() {
        return options.get(correct);
    }
}
