package dev.aft.knowledge;

import dev.aft.knowledge.celebrities.CelebritiesGenerator;
import dev.aft.knowledge.process.ProcessKnowledgeGenerator;
import dev.aft.knowledge.reversals.SimpleReversalsGenerator;
import dev.aft.knowledge.semantic.SemanticStructureGenerator;
import dev.aft.knowledge.syllogisms.SimpleSyllogismsGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The study's dataset families by their names on the wire. */
public final class Families {

    private static final Map<String, DatasetGenerator> GENERATORS = register(
            new SimpleReversalsGenerator(),
            new SimpleSyllogismsGenerator(),
            new CelebritiesGenerator(),
            new SemanticStructureGenerator(),
            new ProcessKnowledgeGenerator());

    private Families() {
    }

    /** The family names, in the study's order. */
    public static List<String> names() {
        return List.copyOf(GENERATORS.keySet());
    }

    /** The generator of {@code family}, if there is one. */
    public static Optional<DatasetGenerator> find(String family) {
        return Optional.ofNullable(family == null ? null : GENERATORS.get(family));
    }

    /** The generator of {@code family}; an unknown name fails with the list of known families. */
    public static DatasetGenerator generator(String family) {
        return find(family).orElseThrow(() -> new IllegalArgumentException("unknown dataset family \"" + family
                + "\"; known families: " + String.join(", ", names())));
    }

    private static Map<String, DatasetGenerator> register(DatasetGenerator... generators) {
        Map<String, DatasetGenerator> byName = new LinkedHashMap<>();
        for (DatasetGenerator generator : generators) {
            byName.put(generator.family(), generator);
        }
        return byName;
    }
}
