package dev.aft.knowledge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Datasets at default parameters, generated once per test run (seed 1 unless a test asks otherwise). */
public final class DefaultDatasets {

    public static final long SEED = 1L;
    private static final Map<String, Dataset> CACHE = new ConcurrentHashMap<>();

    private DefaultDatasets() {
    }

    public static Dataset of(String family) {
        return CACHE.computeIfAbsent(family, f -> Families.generator(f).generate(Map.of(), SEED));
    }
}
