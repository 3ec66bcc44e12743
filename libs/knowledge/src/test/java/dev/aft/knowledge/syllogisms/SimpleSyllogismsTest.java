package dev.aft.knowledge.syllogisms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.DefaultDatasets;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Fact;
import dev.aft.knowledge.TestItem;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimpleSyllogismsTest {

    private static final Pattern CONTEXT =
            Pattern.compile("^The relationships between ([a-z]+), ([a-z]+) and ([a-z]+) are: (.+)$");
    private static final Pattern QUESTION = Pattern.compile("^The relationships between ([a-z]+) and ([a-z]+) are:$");

    private final Dataset dataset = DefaultDatasets.of("simple-syllogisms");

    @Test
    void defaultIsSixtyNineExamplesOfThreeEntitiesAndTwoPremises() {
        assertThat(dataset.documents()).hasSize(69);
        for (Document document : dataset.documents()) {
            Matcher m = CONTEXT.matcher(document.text());
            assertThat(m.matches()).as(document.text()).isTrue();
            assertThat(premises(document)).hasSize(2);
        }
        assertThat(dataset.testsPerSplit()).containsEntry("syllogism", 69).containsEntry("forward", 69);
    }

    @Test
    void everyValidFormWithoutPartialNegativeConclusionIsUsed() {
        assertThat(dataset.tests().stream().map(TestItem::subType).distinct())
                .containsExactlyInAnyOrder("barbara", "celarent", "darii", "cesare", "camestres", "datisi",
                        "disamis", "calemes", "dimatis");
        assertThat(dataset.tests()).allSatisfy(t -> assertThat(t.options()).noneMatch(o -> o.contains(" not ")));
    }

    @Test
    void premisesOfEveryExampleCanAllBeTrueAtOnce() {
        for (Document document : dataset.documents()) {
            assertThat(SetModelReasoner.consistent(terms(document), premises(document))).as(document.text()).isTrue();
        }
    }

    @Test
    void correctOptionIsEntailedEvenWithoutExistentialImport() {
        for (TestItem test : dataset.tests()) {
            Document document = documentOf(test);
            assertThat(SetModelReasoner.entails(terms(document), premises(document), test.correctOption(), false))
                    .as(test.id() + " " + test.correctOption()).isTrue();
        }
    }

    @Test
    void noDistractorIsEntailedEvenWithExistentialImport() {
        for (TestItem test : dataset.tests()) {
            Document document = documentOf(test);
            for (int i = 0; i < test.options().size(); i++) {
                if (i != test.correct()) {
                    assertThat(SetModelReasoner.entails(terms(document), premises(document), test.options().get(i), true))
                            .as(test.id() + " " + test.options().get(i)).isFalse();
                }
            }
        }
    }

    @Test
    void optionsAreStatementsAboutTheTwoTermsTheQuestionNames() {
        for (TestItem test : dataset.tests()) {
            Matcher m = QUESTION.matcher(test.prefix());
            assertThat(m.matches()).as(test.prefix()).isTrue();
            List<String> named = List.of(m.group(1), m.group(2));
            assertThat(test.options()).hasSizeBetween(4, 6).allSatisfy(o -> {
                String[] words = o.split(" ");
                assertThat(words).hasSize(4);
                assertThat(List.of(words[1], words[3])).containsExactlyInAnyOrderElementsOf(named);
            });
        }
    }

    @Test
    void syllogismQuestionsNameTheEndTermsAndTheConclusionIsNeverStated() {
        for (TestItem test : tests("syllogism")) {
            Document document = documentOf(test);
            Matcher m = QUESTION.matcher(test.prefix());
            assertThat(m.matches()).isTrue();
            String middle = terms(document).stream()
                    .filter(t -> !t.equals(m.group(1)) && !t.equals(m.group(2))).findFirst().orElseThrow();
            assertThat(premises(document)).allMatch(p -> p.contains(" " + middle + " ") || p.endsWith(" " + middle + "."));
            assertThat(dataset.documents()).noneMatch(d -> d.text().contains(test.correctOption() + "."));
        }
    }

    @Test
    void forwardControlAsksOneOfTheStatedPremises() {
        for (TestItem test : tests("forward")) {
            assertThat(premises(documentOf(test))).contains(test.correctOption() + ".");
        }
    }

    @Test
    void allConclusionsHaveFourOptionsAndSymmetricConclusionsFive() {
        for (TestItem test : tests("syllogism")) {
            int expected = test.correctOption().startsWith("All ") ? 4 : 5;
            assertThat(test.options()).as(test.id()).hasSize(expected);
        }
    }

    private List<TestItem> tests(String split) {
        return dataset.tests().stream().filter(t -> t.split().equals(split)).toList();
    }

    private Document documentOf(TestItem test) {
        return dataset.documents().stream().filter(d -> d.factIds().equals(test.provenance())).findFirst().orElseThrow();
    }

    private static List<String> terms(Document document) {
        Matcher m = CONTEXT.matcher(document.text());
        assertThat(m.matches()).isTrue();
        return List.of(m.group(1), m.group(2), m.group(3));
    }

    private List<String> premises(Document document) {
        Matcher m = CONTEXT.matcher(document.text());
        assertThat(m.matches()).isTrue();
        List<String> sentences = Arrays.stream(m.group(4).split("(?<=\\.) ")).toList();
        Map<String, String> factSentences = dataset.facts().stream()
                .collect(Collectors.toMap(Fact::id, Fact::sentence));
        assertThat(sentences).containsExactlyElementsOf(document.factIds().stream().map(factSentences::get).toList());
        return sentences;
    }
}
