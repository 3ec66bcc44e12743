package dev.aft.knowledge.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.DefaultDatasets;
import dev.aft.knowledge.Fact;
import dev.aft.knowledge.TestItem;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every correct answer follows from the world's facts (and from its provenance alone); no distractor does. */
class SemanticStructureAnswersTest {

    private final Dataset dataset = DefaultDatasets.of("semantic-structure");
    private final SemanticReasoner world = new SemanticReasoner(dataset.facts());
    private final Map<String, Fact> facts = dataset.facts().stream().collect(Collectors.toMap(Fact::id, f -> f));

    @Test
    void everyCorrectAnswerFollowsFromTheWorld() {
        assertThat(dataset.tests()).allSatisfy(test ->
                assertThat(world.follows(test.prefix() + " " + test.correctOption())).as(test.toString()).isTrue());
    }

    @Test
    void everyCorrectAnswerFollowsFromItsProvenanceAlone() {
        for (TestItem test : dataset.tests()) {
            List<Fact> provenance = test.provenance().stream().map(facts::get).toList();
            SemanticReasoner fromProvenance = new SemanticReasoner(provenance);
            assertThat(fromProvenance.follows(test.prefix() + " " + test.correctOption())).as(test.toString()).isTrue();
        }
    }

    @Test
    void noDistractorIsTrueEvenUnderALooseReading() {
        for (TestItem test : dataset.tests()) {
            for (int i = 0; i < test.options().size(); i++) {
                if (i != test.correct()) {
                    assertThat(world.arguable(test.prefix() + " " + test.options().get(i)))
                            .as(test + " option " + i).isFalse();
                }
            }
        }
    }

    @Test
    void syllogismAndHoldoutConclusionsNeedTwoOrMoreHops() {
        for (TestItem test : dataset.tests()) {
            if (test.split().equals("syllogism") || test.split().equals("category-holdout")) {
                assertThat(test.provenance()).as(test.id()).hasSizeGreaterThanOrEqualTo(2);
            } else {
                assertThat(test.provenance()).as(test.id()).hasSize(1);
            }
        }
    }

    @Test
    void distractorsHoldTheTestedRelationForSomeOtherEntity() {
        List<String> ownedWords = dataset.facts().stream().filter(f -> f.relation().startsWith("has-"))
                .map(Fact::object).toList();
        List<String> kinds = dataset.facts().stream().filter(f -> f.relation().equals("is-a")).map(Fact::subject).toList();
        for (TestItem test : dataset.tests()) {
            List<String> wrong = test.options().stream().filter(o -> !o.equals(test.correctOption())).toList();
            if (test.subType().equals("property") && !test.split().equals("reversal")) {
                assertThat(ownedWords).as(test.id()).containsAll(wrong);
            }
            if (test.split().equals("reversal") && test.subType().equals("category")) {
                assertThat(kinds).as(test.id()).containsAll(wrong);
            }
        }
    }

    @Test
    void relationDistractorsAreMostlyObjectsOfTheSameRelation() {
        List<TestItem> relationForward = dataset.tests().stream()
                .filter(t -> t.subType().equals("relation") && !t.split().equals("reversal")).toList();
        long hard = 0;
        long all = 0;
        for (TestItem test : relationForward) {
            String verb = test.prefix().replaceAll(".* will ([a-z]+) a$", "$1");
            List<String> objects = dataset.facts().stream().filter(f -> f.relation().equals("will-" + verb))
                    .map(Fact::object).toList();
            for (int i = 0; i < test.options().size(); i++) {
                if (i != test.correct()) {
                    all++;
                    hard += objects.contains(test.options().get(i)) ? 1 : 0;
                }
            }
        }
        assertThat(relationForward).isNotEmpty();
        assertThat(hard).isGreaterThan(all / 2);
    }
}
