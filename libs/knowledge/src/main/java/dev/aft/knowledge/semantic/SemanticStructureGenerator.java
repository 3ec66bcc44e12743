package dev.aft.knowledge.semantic;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.DatasetBuilder;
import dev.aft.knowledge.IntParameter;
import dev.aft.knowledge.ParameterizedGenerator;
import dev.aft.knowledge.Parameters;
import dev.aft.knowledge.Seeds;
import dev.aft.knowledge.lexicon.Lexicon;
import java.util.List;

/**
 * The semantic structure benchmark: a real-world-shaped hierarchy of animals and objects (110 categories,
 * depth up to 5, 1-6 own properties each plus inherited ones, relations between categories) with every noun,
 * adjective and verb renamed by a nonsense word; 2,200 training documents of 4-20 sentences in wiki-like
 * styles (encyclopedia entries, field guides, question-and-answer snippets, lists, comparisons); tests in the
 * splits described by {@link SemanticTests}.
 */
public final class SemanticStructureGenerator extends ParameterizedGenerator {

    public static final String FAMILY = "semantic-structure";
    static final List<IntParameter> PARAMETERS = List.of(
            new IntParameter("categories", 110, 20, 110),
            new IntParameter("documents", 2200, 1, 50_000),
            new IntParameter("holdoutCategories", 10, 0, 20));

    public SemanticStructureGenerator() {
        super(FAMILY, PARAMETERS);
    }

    @Override
    protected Dataset generate(Parameters values, long seed) {
        DatasetBuilder builder = new DatasetBuilder();
        Lexicon.Session words = Lexicon.standard().session(Seeds.stream(seed, "lexicon"));
        SemanticWorld world = SemanticWorld.build(values.get("categories"), values.get("holdoutCategories"),
                words, Seeds.stream(seed, "world"), builder);
        int coverage = SemanticDocuments.coverageCount(world);
        values.require(values.get("documents") >= coverage, "documents",
                "must be between " + coverage + " and 50000 for " + values.get("categories") + " categories with "
                        + values.get("holdoutCategories") + " held out");
        new SemanticDocuments(world, Seeds.stream(seed, "documents"), builder).write(values.get("documents"));
        new SemanticTests(world, Seeds.stream(seed, "tests"), builder).write();
        return builder.build(FAMILY, seed, values);
    }
}
