package dev.aft.contracts.events;

import static dev.aft.contracts.Checks.map;
import static dev.aft.contracts.Checks.nonNegative;
import static dev.aft.contracts.Checks.required;

import dev.aft.contracts.plan.SentenceSplitting;
import java.util.Map;

/**
 * What a model was trained on: example counts by source (documents, local, global augmentations), how
 * documents were split into examples, and a claim check for the exact training set.
 */
public record TrainingSetSummary(
        int examples,
        Map<String, Integer> examplesBySource,
        SentenceSplitting splitting,
        ContentLink content) {

    public TrainingSetSummary {
        nonNegative(examples, "examples");
        examplesBySource = map(examplesBySource, "examplesBySource");
        required(splitting, "splitting");
        required(content, "content");
    }
}
