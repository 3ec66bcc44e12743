package dev.aft.knowledge.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.DefaultDatasets;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Fact;
import dev.aft.knowledge.TestItem;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProcessKnowledgeTest {

    private static final Pattern PRIMITIVE_RULE = Pattern.compile("^T\\(([a-z]+)\\) = (.+)\\.$");
    private static final Pattern EXAMPLE = Pattern.compile("^T\\((.+?)\\) = (?:.+ = )?(.+)\\.$");
    private static final double[] POINTS = {-1.3, -0.4, 0.2, 0.9, 1.7};

    private final Dataset dataset = DefaultDatasets.of("process-knowledge");
    private final Map<String, Formula> primitiveRules = primitiveRules(dataset);
    private final Map<String, double[]> functions =
            Formula.randomFunctions(List.copyOf(primitiveRules.keySet()), 4242);

    @Test
    void worldHasSixPrimitivesAndThreeCombinatorRules() {
        assertThat(primitiveRules).hasSize(6);
        assertThat(dataset.facts().stream().filter(f -> f.relation().equals("transform-rule")).map(Fact::sentence))
                .containsExactly("T(f + g) = T(f) * T(g).", "T(f * g) = (T(f) * g) + T(g).", "T(f(g)) = T(f)(g) * T(g).");
        assertThat(dataset.documents()).hasSize(120);
    }

    @Test
    void everyCorrectAnswerIsRecomputedFromTheTrainedRules() {
        for (TestItem test : dataset.tests()) {
            Formula expression = Formula.parse(expressionOf(test));
            assertThat(test.correctOption()).as(test.prefix()).isEqualTo(expression.transform(primitiveRules).render());
        }
    }

    @Test
    void noDistractorIsTheSameFunctionAsTheAnswer() {
        for (TestItem test : dataset.tests()) {
            Formula correct = Formula.parse(test.correctOption());
            for (int i = 0; i < test.options().size(); i++) {
                if (i != test.correct()) {
                    Formula wrong = Formula.parse(test.options().get(i));
                    assertThat(primitiveRules.keySet()).containsAll(wrong.primitives());
                    assertThat(sameFunction(correct, wrong)).as(test.prefix() + " " + test.options().get(i)).isFalse();
                }
            }
            assertThat(test.options()).hasSize(4);
        }
    }

    @Test
    void workedExamplesInTrainingFollowTheRules() {
        int checked = 0;
        for (Document document : dataset.documents()) {
            for (String line : document.text().split("\n")) {
                Matcher m = EXAMPLE.matcher(line);
                if (m.matches()) {
                    assertThat(m.group(2)).as(line).isEqualTo(Formula.parse(m.group(1)).transform(primitiveRules).render());
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(400);
    }

    @Test
    void heldOutCombinationsNeverAppearTogetherInTraining() {
        Set<String> trained = trainedCombinations();
        List<TestItem> heldOut = tests("held-out-combination");
        assertThat(heldOut).hasSizeGreaterThanOrEqualTo(21);
        for (TestItem test : heldOut) {
            assertThat(trained).as(test.prefix()).doesNotContain(combination(Formula.parse(expressionOf(test))));
        }
    }

    @Test
    void everyRuleOfAHeldOutCombinationIsTrainedInSomeOtherCombination() {
        Set<String> trainedPairs = new HashSet<>();
        for (String combination : trainedCombinations()) {
            String[] parts = combination.split(" ");
            for (int i = 1; i < parts.length; i++) {
                trainedPairs.add(parts[0] + " " + parts[i]);
            }
        }
        for (TestItem test : tests("held-out-combination")) {
            Formula expression = Formula.parse(expressionOf(test));
            for (String primitive : expression.primitives()) {
                assertThat(trainedPairs).contains(kindOf(expression) + " " + primitive);
            }
        }
    }

    @Test
    void trainedCombinationControlAsksExpressionsShownInTraining() {
        String corpus = dataset.documents().stream().map(Document::text).collect(Collectors.joining("\n"));
        List<TestItem> control = tests("trained-combination");
        assertThat(control).isNotEmpty();
        for (TestItem test : control) {
            assertThat(corpus).contains("\n" + test.prefix() + " ");
        }
    }

    private Set<String> trainedCombinations() {
        Set<String> combinations = new HashSet<>();
        for (Document document : dataset.documents()) {
            for (String line : document.text().split("\n")) {
                Matcher m = EXAMPLE.matcher(line);
                if (m.matches()) {
                    Formula expression = Formula.parse(m.group(1));
                    if (expression.kind() != 'p') {
                        combinations.add(combination(expression));
                    }
                }
            }
        }
        return combinations;
    }

    private static String combination(Formula expression) {
        return kindOf(expression) + " " + expression.primitives().stream().sorted().collect(Collectors.joining(" "));
    }

    private static String kindOf(Formula expression) {
        return String.valueOf(expression.kind());
    }

    private boolean sameFunction(Formula a, Formula b) {
        for (double x : POINTS) {
            if (Math.abs(a.value(x, functions) - b.value(x, functions)) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    private List<TestItem> tests(String split) {
        return dataset.tests().stream().filter(t -> t.split().equals(split)).toList();
    }

    private static String expressionOf(TestItem test) {
        assertThat(test.prefix()).startsWith("T(").endsWith(") =");
        return test.prefix().substring(2, test.prefix().length() - 3);
    }

    private static Map<String, Formula> primitiveRules(Dataset dataset) {
        Map<String, Formula> rules = new HashMap<>();
        for (Fact fact : dataset.facts()) {
            Matcher m = PRIMITIVE_RULE.matcher(fact.sentence());
            if (m.matches() && !fact.relation().equals("transform-rule")) {
                rules.put(m.group(1), Formula.parse(m.group(2)));
            }
        }
        return rules;
    }
}
