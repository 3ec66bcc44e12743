package dev.aft.dataset.domain;

import dev.aft.contracts.events.GeneratorSpec;
import dev.aft.knowledge.Dataset;

/** A dataset ready to store: the data, its spec, and the exact JSONL bytes (and their SHA-256) it is served as. */
public record MaterializedDataset(
        Dataset dataset,
        GeneratorSpec spec,
        byte[] documentsJsonl,
        String documentsSha256,
        byte[] testsJsonl,
        String testsSha256) {
}
