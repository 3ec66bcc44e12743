package dev.aft.knowledge.truth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.Fact;
import dev.aft.knowledge.Families;
import dev.aft.knowledge.TestItem;
import dev.aft.knowledge.reversals.ComparisonDimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReversalsGroundTruthTest {

    private final Dataset world = Families.generator("simple-reversals")
            .generate(Map.of("facts", 5, "articlesPerFact", 2), 3);
    private final GroundTruth truth = GroundTruths.of(world).orElseThrow();
    private final Fact first = world.facts().get(0);
    private final Fact second = world.facts().get(1);

    @Test
    void theTrueReversalAndRestatementsHoldButContradictionsAndStrangersDoNot() {
        String reversal = first.object() + " are " + opposite(first) + " than " + first.subject() + ".";
        assertThat(truth.isTrue(reversal)).isTrue();
        assertThat(truth.isTrue("It is well known that " + first.sentence())).isTrue();
        assertThat(truth.isTrue(first.sentence().toUpperCase())).as("case does not matter").isTrue();

        assertThat(truth.isTrue(first.object() + " are " + comparative(first) + " than " + first.subject() + "."))
                .as("the contradiction").isFalse();
        assertThat(truth.isTrue(first.object() + " are not " + opposite(first) + " than " + first.subject() + "."))
                .as("a negated reversal").isFalse();
        assertThat(truth.isTrue(first.subject() + " are " + comparative(first) + " than " + second.object() + "."))
                .as("entities the world does not relate").isFalse();
        assertThat(truth.isTrue(first.subject() + " are lovely.")).as("no readable claim").isFalse();
        assertThat(truth.isTrue(reversal + " Also " + second.object() + " are " + comparative(second) + " than "
                + second.subject() + ".")).as("one false claim spoils the sentence").isFalse();
    }

    @Test
    void precisionAndCoverageOfHandWrittenStatements() {
        String reversal = first.object() + " are " + opposite(first) + " than " + first.subject() + ".";
        List<String> statements = List.of(
                reversal,
                "Indeed, " + reversal,                                    // the same reversal again
                first.sentence(),                                          // a restatement: true, no reversal
                second.object() + " are " + comparative(second) + " than " + second.subject() + ".",   // false
                "glorp are heavier than zint.");                           // unknown entities: false
        long trueOnes = statements.stream().filter(truth::isTrue).count();
        assertThat(trueOnes).isEqualTo(3);

        Coverage coverage = truth.coverage(Inference.Kind.REVERSAL, statements);
        assertThat(coverage.targets()).isEqualTo(5);
        assertThat(coverage.covered()).as("a reversal stated twice counts once").isEqualTo(1);
        assertThat(coverage.missedIds()).hasSize(4).doesNotContain("reversal:" + first.id());
        assertThat(coverage.fraction()).hasValue(0.2);
        assertThat(truth.inferencesStated(reversal)).containsExactly("reversal:" + first.id());
        assertThat(truth.inferencesStated(first.sentence())).isEmpty();
    }

    @Test
    void theCorrectReversalOptionOfEveryTestIsTrueAndCoveredAndTheContradictionIsNot() {
        Dataset standard = Families.generator("simple-reversals").generate(Map.of(), 11);
        GroundTruth checker = GroundTruths.of(standard).orElseThrow();
        List<String> correct = new ArrayList<>();
        for (TestItem test : standard.tests()) {
            for (int i = 0; i < test.options().size(); i++) {
                String sentence = test.prefix() + " " + test.options().get(i) + ".";
                assertThat(checker.isTrue(sentence)).as(sentence).isEqualTo(i == test.correct());
                if (i == test.correct() && test.split().equals("reversal")) {
                    correct.add(sentence);
                }
            }
        }
        Coverage coverage = checker.coverage(Inference.Kind.REVERSAL, correct);
        assertThat(coverage.targets()).isEqualTo(100);
        assertThat(coverage.covered()).isEqualTo(100);
        assertThat(checker.inferences(Inference.Kind.TWO_STEP)).as("every entity is in one fact").isEmpty();
        assertThat(checker.coverage(Inference.Kind.TWO_STEP, correct).fraction()).isEmpty();
    }

    @Test
    void canonicalReversalSentencesAreTrueAndStateThemselves() {
        for (Inference reversal : truth.inferences(Inference.Kind.REVERSAL)) {
            assertThat(truth.isTrue(reversal.sentence())).isTrue();
            assertThat(truth.inferencesStated(reversal.sentence())).containsExactly(reversal.id());
        }
    }

    private static String comparative(Fact fact) {
        return fact.relation().replace("-than", "").replace('-', ' ');
    }

    private static String opposite(Fact fact) {
        String comparative = comparative(fact);
        return ComparisonDimension.ALL.stream()
                .filter(d -> d.forward().equals(comparative) || d.opposite().equals(comparative))
                .findFirst().orElseThrow().oppositeOf(comparative);
    }
}
