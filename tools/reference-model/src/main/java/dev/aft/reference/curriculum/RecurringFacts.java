package dev.aft.reference.curriculum;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Families;
import dev.aft.knowledge.TestItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * Facts that recur across a whole run. Every other curriculum world is new to its episodes, so nothing else asks
 * the model to keep a fact in its weights, and fine-tuning on a world's documents needs exactly that: to state,
 * in the evaluation's bare format, a fact read only inside documents. Two fixed worlds (simple reversals and
 * syllogisms, from seeds of the run's own range, {@link WorldSeeds#recurring}) come back in every episode of
 * this kind: their documents, and forward statements of half of their facts with no document beside them. The
 * other half is stated only in documents, so the model can learn to answer from stored documents, not only to
 * repeat stored statements; {@link #unasked()} measures that. Forward statements only: what fine-tuning does to
 * reversals and syllogisms is the study's question, so no recurring fact is ever reversed or combined.
 */
public final class RecurringFacts {

    static final String FAMILY = "recurring";
    static final int REVERSAL_FACTS = 60;
    static final int ARTICLES_PER_FACT = 8;
    static final int SYLLOGISM_EXAMPLES = 24;

    private final List<String> documents = new ArrayList<>();
    private final List<String> statements = new ArrayList<>();
    private final List<TestItem> asked = new ArrayList<>();
    private final List<TestItem> unasked = new ArrayList<>();
    private final long seed;

    private RecurringFacts(long seed, List<Dataset> worlds) {
        this.seed = seed;
        for (Dataset world : worlds) {
            for (Document document : world.documents()) {
                if (HeldOutTemplates.inCurriculum(document)) {
                    documents.add(document.text().strip());
                }
            }
            int index = 0;
            for (TestItem item : world.tests()) {
                if (!item.split().equals("forward")) {
                    continue;
                }
                if (index++ % 2 == 0) {
                    asked.add(item);
                    statements.add(statement(item));
                } else {
                    unasked.add(item);
                }
            }
        }
    }

    /** The recurring facts of a run with seed {@code runSeed}. */
    public static RecurringFacts of(long runSeed) {
        long reversals = WorldSeeds.recurring(runSeed, 0);
        long syllogisms = WorldSeeds.recurring(runSeed, 1);
        return new RecurringFacts(reversals, List.of(
                Families.generator(CurriculumWorlds.REVERSALS).generate(
                        Map.of("facts", REVERSAL_FACTS, "articlesPerFact", ARTICLES_PER_FACT), reversals),
                Families.generator(CurriculumWorlds.SYLLOGISMS).generate(
                        Map.of("examples", SYLLOGISM_EXAMPLES), syllogisms)));
    }

    /** A forward item as the statement its correct option makes, as in-context episodes write statements. */
    static String statement(TestItem item) {
        return PromptFormats.statement(item.prefix(), item.options().get(item.correct()));
    }

    /**
     * Documents and asked statements in random order, one per line, as many as fit {@code budget} tokens; every
     * token is learned.
     */
    Optional<Episode> episode(Random random, int budget, ToIntFunction<String> counter) {
        List<String> lines = new ArrayList<>();
        int used = 0;
        for (int misses = 0; misses < 4; ) {
            String line = random.nextBoolean() ? statements.get(random.nextInt(statements.size()))
                    : documents.get(random.nextInt(documents.size()));
            int tokens = counter.applyAsInt(line) + 1;
            if (used + tokens > budget) {
                misses++;
                continue;
            }
            lines.add(line);
            used += tokens;
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Episode(EpisodeKind.RECURRING, FAMILY, seed, "", String.join("\n", lines)));
    }

    /** The forward items whose statements the episodes show. */
    public List<TestItem> asked() {
        return List.copyOf(asked);
    }

    /** The forward items the episodes state only in documents. */
    public List<TestItem> unasked() {
        return List.copyOf(unasked);
    }

    List<String> documents() {
        return List.copyOf(documents);
    }
}
