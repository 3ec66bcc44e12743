package dev.aft.augment.domain;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Keeps each statement once per run: a candidate whose normalized text ({@link Normalized}) equals a sentence of
 * the original documents, or a statement already kept, is a duplicate.
 */
public final class Deduplicator {

    /** What became of a candidate. */
    public enum Verdict {
        NEW, DUPLICATE_OF_SOURCE, DUPLICATE
    }

    private final Set<String> source = new HashSet<>();
    private final Set<String> kept = new HashSet<>();

    /**
     * @param sourceSentences the documents' sentences (as written)
     * @param keptNormalized  normalized texts of statements kept earlier in the run (after a restart)
     */
    public Deduplicator(Collection<String> sourceSentences, Collection<String> keptNormalized) {
        sourceSentences.forEach(s -> source.add(Normalized.of(s)));
        kept.addAll(keptNormalized);
    }

    /** Judges a candidate and, when it is new, remembers it. */
    public Verdict add(String candidate) {
        String normalized = Normalized.of(candidate);
        if (source.contains(normalized)) {
            return Verdict.DUPLICATE_OF_SOURCE;
        }
        return kept.add(normalized) ? Verdict.NEW : Verdict.DUPLICATE;
    }
}
