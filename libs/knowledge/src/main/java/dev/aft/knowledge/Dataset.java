package dev.aft.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A generated (or uploaded) knowledge dataset: training documents, test items, and, for generated data, the
 * world's facts (the ground truth augmentation precision is measured against; empty for uploads).
 */
public record Dataset(
        String family,
        long seed,
        Map<String, Object> parameters,
        List<Document> documents,
        List<TestItem> tests,
        List<Fact> facts) {

    public Dataset {
        Objects.requireNonNull(family, "family");
        parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
        documents = List.copyOf(documents);
        tests = List.copyOf(tests);
        facts = List.copyOf(facts);
    }

    /** Test items per split, in sorted split order. */
    public Map<String, Integer> testsPerSplit() {
        Map<String, Integer> counts = new TreeMap<>();
        tests.forEach(t -> counts.merge(t.split(), 1, Integer::sum));
        return counts;
    }
}
