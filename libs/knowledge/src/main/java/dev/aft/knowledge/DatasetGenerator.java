package dev.aft.knowledge;

import java.util.Map;

/**
 * A family of controlled datasets. Deterministic: the same parameters and seed give a byte-identical dataset
 * (as JSONL); a different seed gives a different world.
 */
public interface DatasetGenerator {

    /** The family's name on the wire, e.g. {@code simple-reversals}. */
    String family();

    /** The parameters and their defaults (the paper's sizes). */
    Map<String, Object> defaults();

    /**
     * Generates a dataset. {@code parameters} may hold a subset of {@link #defaults()}; an unknown parameter or
     * a value out of range throws {@link IllegalArgumentException} whose message names the parameter and the
     * allowed range.
     */
    Dataset generate(Map<String, Object> parameters, long seed);
}
