package dev.aft.knowledge.process;

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
import dev.aft.knowledge.process.Expr.Prim;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Process knowledge (the study's appendix): a made-up function-to-function transform T, like a derivative
 * with unusual rules ({@link PrimitiveRules}, {@link Combinator}), over primitives named by nonsense words.
 * Training documents show transforms of one combinator over two primitives, worked (with the rule's middle
 * step) or short, for the trained combinations only. Tests: {@code held-out-combination} asks T of every
 * expression whose combination of rules never appeared together in training; the {@code trained-combination}
 * control asks T of the expressions training showed. Options: the result and three results with one wrong
 * rule in one place.
 */
public final class ProcessKnowledgeGenerator extends ParameterizedGenerator {

    public static final String FAMILY = "process-knowledge";
    static final List<IntParameter> PARAMETERS = List.of(
            new IntParameter("primitives", 6, 3, PrimitiveRules.MAX_PRIMITIVES),
            new IntParameter("heldOutCombinations", 21, 1, 31),
            new IntParameter("documents", 120, 1, 10_000));
    static final String HEADER = "Worked examples of the transform T.";
    private static final int ITEMS_PER_COVERAGE_DOCUMENT = 5;

    public ProcessKnowledgeGenerator() {
        super(FAMILY, PARAMETERS);
    }

    @Override
    protected Dataset generate(Parameters values, long seed) {
        int n = values.get("primitives");
        List<Combination> all = Combination.all(n);
        values.require(values.get("heldOutCombinations") <= all.size() / 2, "heldOutCombinations",
                "must be between 1 and " + all.size() / 2 + " for " + n + " primitives");
        Random world = Seeds.stream(seed, "world");
        Random documents = Seeds.stream(seed, "documents");
        Random tests = Seeds.stream(seed, "tests");
        List<Prim> primitives = Lexicon.standard().session(Seeds.stream(seed, "lexicon")).next(n).stream()
                .map(Prim::new).toList();
        Transform transform = new Transform(primitives);
        DatasetBuilder builder = new DatasetBuilder();

        List<Fact> primitiveFacts = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String result = transform.apply(primitives.get(k)).render();
            primitiveFacts.add(builder.fact(primitives.get(k).name(), "transforms-to", result,
                    "T(" + primitives.get(k).name() + ") = " + result + "."));
        }
        Map<Combinator, Fact> ruleFacts = new EnumMap<>(Combinator.class);
        for (Combinator c : Combinator.values()) {
            ruleFacts.put(c, builder.fact(c.subType(), "transform-rule", c.rule().substring(c.rule().indexOf("= ") + 2,
                    c.rule().length() - 1), c.rule()));
        }

        Set<Combination> heldOut = heldOut(all, values.get("heldOutCombinations"), n, world);
        List<Example> trained = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            trained.add(new Example(primitives.get(k), null, List.of(primitiveFacts.get(k))));
        }
        List<Example> shown = new ArrayList<>();
        List<Example> unseen = new ArrayList<>();
        for (Combination combination : all) {
            for (Expr e : combination.expressions(primitives)) {
                Example example = new Example(e, combination.combinator(), List.of(
                        ruleFacts.get(combination.combinator()), primitiveFacts.get(primitives.indexOf(left(e))),
                        primitiveFacts.get(primitives.indexOf(right(e)))));
                (heldOut.contains(combination) ? unseen : shown).add(example);
            }
        }
        trained.addAll(shown);

        int coverage = (trained.size() + ITEMS_PER_COVERAGE_DOCUMENT - 1) / ITEMS_PER_COVERAGE_DOCUMENT;
        values.require(values.get("documents") >= coverage, "documents",
                "must be between " + coverage + " and 10000 for " + n + " primitives with "
                        + values.get("heldOutCombinations") + " held-out combinations");
        List<Example> order = Draws.shuffled(trained, documents);
        for (int from = 0; from < order.size(); from += ITEMS_PER_COVERAGE_DOCUMENT) {
            document(builder, order.subList(from, Math.min(order.size(), from + ITEMS_PER_COVERAGE_DOCUMENT)),
                    transform, documents);
        }
        while (builder.documentCount() < values.get("documents")) {
            document(builder, Draws.sample(trained, 3 + documents.nextInt(4), documents), transform, documents);
        }

        NumericCheck numeric = new NumericCheck(primitives);
        unseen.forEach(e -> test(builder, "held-out-combination", e, transform, numeric, tests));
        shown.forEach(e -> test(builder, "trained-combination", e, transform, numeric, tests));
        return builder.build(FAMILY, seed, values);
    }

    /** Held-out combinations such that every combinator is still trained with every primitive. */
    private static Set<Combination> heldOut(List<Combination> all, int count, int n, Random random) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            Set<Combination> candidate = new HashSet<>(Draws.sample(all, count, random));
            if (everyRuleStillMeetsEveryCombinator(all, candidate, n)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("heldOutCombinations is too large for " + n
                + " primitives: some combinator would never be trained with some primitive, was " + count);
    }

    private static boolean everyRuleStillMeetsEveryCombinator(List<Combination> all, Set<Combination> heldOut, int n) {
        for (Combinator c : Combinator.values()) {
            for (int p = 0; p < n; p++) {
                final int primitive = p;
                if (all.stream().noneMatch(x -> !heldOut.contains(x) && x.uses(c, primitive))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void document(DatasetBuilder builder, List<Example> examples, Transform transform, Random random) {
        StringBuilder text = new StringBuilder(HEADER);
        Set<String> factIds = new java.util.LinkedHashSet<>();
        for (Example example : examples) {
            String result = transform.apply(example.expr()).render();
            boolean worked = example.combinator() != null && random.nextBoolean();
            text.append("\nT(").append(example.expr().render()).append(") = ");
            if (worked) {
                text.append(example.combinator().step(left(example.expr()), right(example.expr()))).append(" = ");
            }
            text.append(result).append('.');
            example.facts().forEach(f -> factIds.add(f.id()));
        }
        builder.document(text.toString(), List.copyOf(factIds));
    }

    private static void test(DatasetBuilder builder, String split, Example example, Transform transform,
            NumericCheck numeric, Random random) {
        Expr correct = transform.apply(example.expr());
        List<Expr> wrong = new ArrayList<>();
        for (Expr candidate : transform.withOneWrongRule(example.expr())) {
            boolean fresh = !numeric.sameFunction(candidate, correct)
                    && wrong.stream().noneMatch(w -> numeric.sameFunction(w, candidate));
            if (fresh) {
                wrong.add(candidate);
            }
        }
        List<String> distractors = Draws.sample(wrong, 3, random).stream().map(Expr::render).toList();
        builder.test(split, example.combinator().subType(), "T(" + example.expr().render() + ") =",
                Choice.of(correct.render(), distractors, random),
                example.facts().stream().map(Fact::id).distinct().toList());
    }

    private static Prim left(Expr e) {
        if (e instanceof Expr.Compose c) {
            return c.outer();
        }
        return (Prim) (e instanceof Expr.Sum s ? s.left() : ((Expr.Product) e).left());
    }

    private static Prim right(Expr e) {
        if (e instanceof Expr.Compose c) {
            return (Prim) c.inner();
        }
        return (Prim) (e instanceof Expr.Sum s ? s.right() : ((Expr.Product) e).right());
    }

    private record Example(Expr expr, Combinator combinator, List<Fact> facts) {
    }
}
