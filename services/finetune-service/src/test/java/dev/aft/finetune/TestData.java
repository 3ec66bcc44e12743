package dev.aft.finetune;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Families;
import java.util.List;
import java.util.Map;

/** The dataset the tests ask dataset-service for (small, so that every training run takes seconds). */
final class TestData {

    static final String FAMILY = "simple-reversals";
    static final Map<String, Object> PARAMETERS = Map.of("facts", 4, "articlesPerFact", 2);
    static final long SEED = 11;

    /** Augmented statements the tests publish as a local augmentation (words of the tiny model's vocabulary). */
    static final List<String> LOCAL_STATEMENTS = List.of("alpha beta gamma.", "gamma beta alpha.", "beta alpha.");

    private TestData() {
    }

    static Dataset reversals() {
        return Families.generator(FAMILY).generate(PARAMETERS, SEED);
    }
}
