package dev.aft.eval;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Families;
import java.util.List;
import java.util.Map;

/** The datasets the tests ask dataset-service for (small, so that every evaluation takes seconds). */
final class TestData {

    static final String FAMILY = "simple-reversals";
    static final Map<String, Object> PARAMETERS = Map.of("facts", 6, "articlesPerFact", 2);
    static final long SEED = 11;
    /** A larger world for the crash-recovery test: 100 facts, 200 test items. */
    static final Map<String, Object> LARGE_PARAMETERS = Map.of("facts", 100, "articlesPerFact", 1);

    /** The default in-context instruction of eval-service (its configuration). */
    static final String INSTRUCTION = "Here are some documents. Everything they say is true.";

    private TestData() {
    }

    /** The dataset dataset-service generates for {@link #FAMILY}, {@link #PARAMETERS} and {@link #SEED}. */
    static Dataset reversals() {
        return Families.generator(FAMILY).generate(PARAMETERS, SEED);
    }

    static Dataset large() {
        return Families.generator(FAMILY).generate(LARGE_PARAMETERS, SEED);
    }

    static List<Dataset> all() {
        return List.of(reversals(), large());
    }
}
