package dev.aft.knowledge.truth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.DefaultDatasets;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Fact;
import dev.aft.knowledge.Families;
import dev.aft.knowledge.TestItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyllogismsGroundTruthTest {

    private final Dataset world = DefaultDatasets.of("simple-syllogisms");
    private final GroundTruth truth = GroundTruths.of(world).orElseThrow();

    @Test
    void everyCorrectSyllogismOptionIsATrueTwoStepConclusionAndNoDistractorIsTrue() {
        List<String> conclusions = new ArrayList<>();
        for (TestItem test : world.tests()) {
            for (int i = 0; i < test.options().size(); i++) {
                String sentence = test.options().get(i) + ".";
                assertThat(truth.isTrue(sentence)).as(test.id() + " " + sentence).isEqualTo(i == test.correct());
            }
            if (test.split().equals("syllogism")) {
                String conclusion = test.correctOption() + ".";
                assertThat(truth.inferencesStated(conclusion)).as(conclusion).anyMatch(id -> id.startsWith("two-step:"));
                conclusions.add(conclusion);
            }
        }
        Coverage coverage = truth.coverage(Inference.Kind.TWO_STEP, conclusions);
        assertThat(coverage.targets()).isEqualTo(69);
        assertThat(coverage.covered()).isEqualTo(69);
    }

    @Test
    void reversalsAreTheConversesOfNoAndSomePremisesOnly() {
        long convertible = world.facts().stream().filter(f -> !f.relation().equals("all-are")).count();
        assertThat(truth.inferences(Inference.Kind.REVERSAL)).hasSize((int) convertible);
        Fact noOrSome = world.facts().stream().filter(f -> !f.relation().equals("all-are")).findFirst().orElseThrow();
        String quantifier = noOrSome.relation().equals("no-are") ? "No" : "Some";
        String converse = quantifier + " " + noOrSome.object() + " are " + noOrSome.subject() + ".";
        assertThat(truth.isTrue(converse)).isTrue();
        assertThat(truth.inferencesStated(converse)).contains("reversal:" + noOrSome.id());

        Fact all = world.facts().stream().filter(f -> f.relation().equals("all-are")).findFirst().orElseThrow();
        assertThat(truth.isTrue("All " + all.object() + " are " + all.subject() + "."))
                .as("an all-premise does not convert").isFalse();
        assertThat(truth.isTrue("Some " + all.object() + " are " + all.subject() + "."))
                .as("but its converse by limitation holds under existential import").isTrue();
    }

    @Test
    void precisionAndCoverageOfHandWrittenStatements() {
        Document example = world.documents().get(0);
        Fact premise = world.facts().stream().filter(f -> f.id().equals(example.factIds().get(0))).findFirst().orElseThrow();
        Inference conclusion = truth.inferences(Inference.Kind.TWO_STEP).get(0);
        Document other = world.documents().get(1);
        Fact stranger = world.facts().stream().filter(f -> f.id().equals(other.factIds().get(0))).findFirst().orElseThrow();
        List<String> statements = List.of(
                conclusion.sentence(),
                "So we know: " + conclusion.sentence(),                      // duplicate conclusion
                premise.sentence(),                                           // a premise: true, no inference
                "All " + premise.subject() + " are " + stranger.subject() + ".",   // across examples: false
                "Some " + premise.subject() + " are not " + premise.object() + ".", // partial negative: false
                "All " + premise.subject() + " are " + premise.subject() + ".");    // tautology: not counted true
        assertThat(statements.stream().filter(truth::isTrue).count()).isEqualTo(3);
        Coverage coverage = truth.coverage(Inference.Kind.TWO_STEP, statements);
        assertThat(coverage.covered()).isEqualTo(1);
        assertThat(coverage.targets()).isEqualTo(69);
    }

    @Test
    void onlyTheStandardExperimentsFamiliesHaveAChecker() {
        assertThat(GroundTruths.families()).containsExactly("simple-reversals", "simple-syllogisms");
        Optional<GroundTruth> none = GroundTruths.of(Families.generator("celebrities")
                .generate(Map.of("celebritiesPerSet", 4, "paraphrasesPerDirection", 1), 1));
        assertThat(none).isEmpty();
    }
}
