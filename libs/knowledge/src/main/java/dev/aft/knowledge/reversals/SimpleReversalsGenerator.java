package dev.aft.knowledge.reversals;

import dev.aft.knowledge.Choice;
import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.DatasetBuilder;
import dev.aft.knowledge.Draws;
import dev.aft.knowledge.Fact;
import dev.aft.knowledge.IntParameter;
import dev.aft.knowledge.ParameterizedGenerator;
import dev.aft.knowledge.Parameters;
import dev.aft.knowledge.Seeds;
import dev.aft.knowledge.lexicon.Lexicon;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Simple reversals: comparison facts "femp are more dangerous than glon" over 28 dimensions, each in several
 * training articles behind a random lead-in. Every entity occurs in exactly one fact, so a reversal follows
 * from that fact alone. Tests: {@code reversal} (prefix "glon are", the correct reversal against the
 * contradiction) and the {@code forward} control (prefix "femp are", the trained statement against its
 * contradiction).
 */
public final class SimpleReversalsGenerator extends ParameterizedGenerator {

    public static final String FAMILY = "simple-reversals";
    static final List<IntParameter> PARAMETERS = List.of(
            new IntParameter("facts", 100, 1, 1000),
            new IntParameter("articlesPerFact", 10, 1, 100));

    public SimpleReversalsGenerator() {
        super(FAMILY, PARAMETERS);
    }

    @Override
    protected Dataset generate(Parameters values, long seed) {
        Random world = Seeds.stream(seed, "world");
        Random articles = Seeds.stream(seed, "articles");
        Random tests = Seeds.stream(seed, "tests");
        Lexicon.Session words = Lexicon.standard().session(Seeds.stream(seed, "lexicon"));
        DatasetBuilder builder = new DatasetBuilder();

        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < values.get("facts"); i++) {
            ComparisonDimension dimension = Draws.pick(ComparisonDimension.ALL, world);
            String comparative = world.nextBoolean() ? dimension.forward() : dimension.opposite();
            String subject = words.next();
            String object = words.next();
            String clause = subject + " are " + comparative + " than " + object;
            Fact fact = builder.fact(subject, ComparisonDimension.relation(comparative), object, clause + ".");
            comparisons.add(new Comparison(fact, dimension, comparative));
        }

        List<Article> pending = new ArrayList<>();
        for (Comparison comparison : comparisons) {
            List<String> leadIns = Draws.sample(LeadIn.TEMPLATES,
                    Math.min(values.get("articlesPerFact"), LeadIn.TEMPLATES.size()), articles);
            for (int i = 0; i < values.get("articlesPerFact"); i++) {
                String template = i < leadIns.size() ? leadIns.get(i) : Draws.pick(LeadIn.TEMPLATES, articles);
                pending.add(new Article(String.format(template, comparison.clause()), comparison.fact().id()));
            }
        }
        for (Article article : Draws.shuffled(pending, articles)) {
            builder.document(article.text(), List.of(article.factId()));
        }

        for (Comparison comparison : comparisons) {
            Fact fact = comparison.fact();
            String reversed = comparison.dimension().oppositeOf(comparison.comparative());
            builder.test("reversal", "comparison", fact.object() + " are",
                    Choice.of(reversed + " than " + fact.subject(),
                            List.of(comparison.comparative() + " than " + fact.subject()), tests),
                    List.of(fact.id()));
            builder.test("forward", "comparison", fact.subject() + " are",
                    Choice.of(comparison.comparative() + " than " + fact.object(),
                            List.of(reversed + " than " + fact.object()), tests),
                    List.of(fact.id()));
        }
        return builder.build(FAMILY, seed, values);
    }

    private record Comparison(Fact fact, ComparisonDimension dimension, String comparative) {
        String clause() {
            return fact.subject() + " are " + comparative + " than " + fact.object();
        }
    }

    private record Article(String text, String factId) {
    }
}
