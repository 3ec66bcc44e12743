package dev.aft.knowledge.syllogisms;

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
 * Simple syllogisms: each training example names three fresh entities and states two premises of a valid
 * form. The {@code syllogism} test names the two end terms and scores statements about them; the
 * {@code forward} control names the terms of one premise and scores statements about those.
 *
 * <p>Options: of the six statements {all, some, no} x {both directions}, every statement other than the
 * correct one that the premises entail is left out. Entailment is judged with existential import (every term
 * non-empty), the more generous reading, so no remaining distractor is true under either reading. In
 * practice this drops the converse of a "no" or "some" conclusion ("No P are S" says the same as "No S are
 * P") and, for an "all" conclusion, the two "some" statements that follow from it once S is non-empty. The
 * correct option is the form's own conclusion, which follows even without existential import.
 */
public final class SimpleSyllogismsGenerator extends ParameterizedGenerator {

    public static final String FAMILY = "simple-syllogisms";
    static final List<IntParameter> PARAMETERS = List.of(new IntParameter("examples", 69, 1, 1000));

    public SimpleSyllogismsGenerator() {
        super(FAMILY, PARAMETERS);
    }

    @Override
    protected Dataset generate(Parameters values, long seed) {
        Random world = Seeds.stream(seed, "world");
        Random tests = Seeds.stream(seed, "tests");
        Lexicon.Session words = Lexicon.standard().session(Seeds.stream(seed, "lexicon"));
        DatasetBuilder builder = new DatasetBuilder();

        List<SyllogismForm> forms = Draws.shuffled(List.of(SyllogismForm.values()), world);
        for (int i = 0; i < values.get("examples"); i++) {
            SyllogismForm form = forms.get(i % forms.size());
            String s = words.next();
            String m = words.next();
            String p = words.next();
            List<String> terms = List.of(s, m, p);
            List<Statement> premises = form.premises(s, m, p);
            List<Fact> facts = new ArrayList<>();
            for (Statement premise : Draws.shuffled(premises, world)) {
                facts.add(builder.fact(premise.subject(), premise.quantifier().relation(), premise.predicate(),
                        premise.sentence()));
            }
            builder.document(context(Draws.shuffled(terms, world))
                    + " " + String.join(" ", facts.stream().map(Fact::sentence).toList()),
                    facts.stream().map(Fact::id).toList());
            List<String> provenance = facts.stream().map(Fact::id).toList();

            builder.test("syllogism", form.subType(), question(s, p, tests),
                    choice(terms, premises, form.conclusion(s, p), tests), provenance);
            Statement recalled = Draws.pick(premises, tests);
            builder.test("forward", form.subType(), question(recalled.subject(), recalled.predicate(), tests),
                    choice(terms, premises, recalled, tests), provenance);
        }
        return builder.build(FAMILY, seed, values);
    }

    private static String context(List<String> terms) {
        return "The relationships between " + terms.get(0) + ", " + terms.get(1) + " and " + terms.get(2) + " are:";
    }

    private static String question(String a, String b, Random random) {
        return random.nextBoolean()
                ? "The relationships between " + a + " and " + b + " are:"
                : "The relationships between " + b + " and " + a + " are:";
    }

    private static Choice choice(List<String> terms, List<Statement> premises, Statement correct, Random random) {
        List<String> distractors = Statement.allAbout(correct.subject(), correct.predicate()).stream()
                .filter(option -> !option.equals(correct))
                .filter(option -> !VennModels.entails(terms, premises, option, true))
                .map(Statement::clause)
                .toList();
        return Choice.of(correct.clause(), distractors, random);
    }
}
