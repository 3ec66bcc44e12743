package dev.aft.knowledge.semantic;

import dev.aft.knowledge.Choice;
import dev.aft.knowledge.DatasetBuilder;
import dev.aft.knowledge.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The semantic test splits, easiest first: {@code rephrase} (a trained fact, same direction, a wording never
 * used in training), {@code reversal} (a trained fact read backwards), {@code syllogism} (a property,
 * relation or ancestor a trained category inherits: never stated in training) and {@code category-holdout}
 * (every such inference about a category whose only trained fact is its parent). Sub-types: {@code category},
 * {@code property}, {@code relation}.
 */
final class SemanticTests {

    private final SemanticWorld world;
    private final Distractors distractors;
    private final Random random;
    private final DatasetBuilder builder;

    SemanticTests(SemanticWorld world, Random random, DatasetBuilder builder) {
        this.world = world;
        this.distractors = new Distractors(world, random);
        this.random = random;
        this.builder = builder;
    }

    void write() {
        world.trainedCategories().forEach(this::rephrase);
        world.trainedCategories().forEach(this::reversal);
        world.trainedCategories().forEach(c -> inferences("syllogism", c));
        world.heldOutCategories().forEach(c -> inferences("category-holdout", c));
    }

    private void rephrase(Category c) {
        if (c.isA() != null) {
            add("rephrase", "category", Sentences.isARephrasePrefix(c), c.parent().word(),
                    distractors.notAncestors(c, c.parent()), List.of(c.isA()));
        }
        c.properties().forEach((p, fact) -> add("rephrase", "property", Sentences.rephrasePrefix(c, p.predicate()),
                p.word(), distractors.properties(c, p), List.of(fact)));
        c.relations().forEach((r, fact) -> add("rephrase", "relation", Sentences.rephrasePrefix(c, r.predicate()),
                r.object().word(), distractors.objects(c, r.verb(), r.object()), List.of(fact)));
    }

    private void reversal(Category c) {
        if (c.isA() != null) {
            add("reversal", "category", Sentences.isAReversalPrefix(c.parent()), c.word(),
                    distractors.notDescendants(c.parent(), c), List.of(c.isA()));
        }
        c.properties().forEach((p, fact) -> add("reversal", "property", Sentences.predicateReversalPrefix(p.predicate()),
                c.word(), distractors.nonHolders(x -> world.holds(x, p), c), List.of(fact)));
        c.relations().forEach((r, fact) -> add("reversal", "relation", Sentences.predicateReversalPrefix(r.predicate()),
                c.word(), distractors.nonSubjects(r.verb(), r.object(), c), List.of(fact)));
    }

    /** What {@code c} inherits: each ancestor's properties and relations, and each ancestor above its parent. */
    private void inferences(String split, Category c) {
        List<Fact> chain = new ArrayList<>();
        Category below = c;
        for (Category ancestor : c.ancestors()) {
            chain.add(below.isA());
            below = ancestor;
            List<Fact> path = List.copyOf(chain);
            if (ancestor != c.parent()) {
                add(split, "category", Sentences.isAForwardPrefix(c), ancestor.word(),
                        distractors.notAncestors(c, ancestor), path);
            }
            for (Map.Entry<Property, Fact> e : ancestor.properties().entrySet()) {
                Property p = e.getKey();
                add(split, "property", Sentences.forwardPrefix(c, p.predicate()), p.word(),
                        distractors.properties(c, p), plus(path, e.getValue()));
            }
            for (Map.Entry<Relation, Fact> e : ancestor.relations().entrySet()) {
                Relation r = e.getKey();
                add(split, "relation", Sentences.forwardPrefix(c, r.predicate()), r.object().word(),
                        distractors.objects(c, r.verb(), r.object()), plus(path, e.getValue()));
            }
        }
    }

    private void add(String split, String subType, String prefix, String correct, List<String> wrong,
            List<Fact> provenance) {
        builder.test(split, subType, prefix, Choice.of(correct, wrong, random),
                provenance.stream().map(Fact::id).toList());
    }

    private static List<Fact> plus(List<Fact> facts, Fact last) {
        List<Fact> all = new ArrayList<>(facts);
        all.add(last);
        return all;
    }
}
