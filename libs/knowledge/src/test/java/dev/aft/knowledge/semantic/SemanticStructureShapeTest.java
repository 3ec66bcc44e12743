package dev.aft.knowledge.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.DefaultDatasets;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Fact;
import dev.aft.knowledge.Texts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The world and its documents have the study's sizes and a real-world-like shape. */
class SemanticStructureShapeTest {

    private final Dataset dataset = DefaultDatasets.of("semantic-structure");
    private final SemanticReasoner world = new SemanticReasoner(dataset.facts());

    @Test
    void worldHasAHundredAndTenCategoriesInTreesThreeToFiveDeep() {
        assertThat(world.categories()).hasSize(110);
        Map<Integer, Long> depths = world.categories().stream()
                .collect(Collectors.groupingBy(c -> world.lineage(c).size(), Collectors.counting()));
        assertThat(depths.keySet()).contains(3, 4, 5).allMatch(d -> d >= 1 && d <= 5);
        assertThat(depths.get(1)).isEqualTo(2L);
    }

    @Test
    void trainedCategoriesOwnOneToSixPropertiesAndHeldOutOnesNone() {
        Set<String> heldOut = heldOut();
        assertThat(heldOut).hasSize(10);
        Map<String, Long> owned = dataset.facts().stream().filter(f -> f.relation().startsWith("has-"))
                .collect(Collectors.groupingBy(Fact::subject, Collectors.counting()));
        for (String category : world.categories()) {
            if (heldOut.contains(category)) {
                assertThat(owned).doesNotContainKey(category);
            } else {
                assertThat(owned.get(category)).as(category).isBetween(1L, 6L);
            }
        }
    }

    @Test
    void categoriesAreRelatedToOtherCategories() {
        List<Fact> relations = dataset.facts().stream().filter(f -> f.relation().startsWith("will-")).toList();
        assertThat(relations).hasSizeGreaterThan(10);
        assertThat(relations.stream().map(Fact::relation).distinct()).hasSize(3);
        assertThat(relations).allMatch(f -> world.categories().contains(f.object()));
    }

    @Test
    void twentyTwoHundredDocumentsOfFourToTwentySentences() {
        assertThat(dataset.documents()).hasSize(2200);
        for (Document document : dataset.documents()) {
            assertThat(Texts.sentences(document.text())).as(document.text()).hasSizeBetween(4, 20);
        }
        List<Integer> lengths = dataset.documents().stream().map(d -> Texts.sentences(d.text()).size()).toList();
        assertThat(lengths.stream().distinct().count()).isGreaterThan(8);
    }

    @Test
    void documentsComeInSeveralStylesIncludingQuestionsAndAnswers() {
        List<String> texts = dataset.documents().stream().map(Document::text).toList();
        assertThat(texts).anyMatch(t -> t.startsWith("Q: "))
                .anyMatch(t -> t.contains("\n- "))
                .anyMatch(t -> t.contains("described in this entry"))
                .anyMatch(t -> t.startsWith("This field guide covers"))
                .anyMatch(t -> t.contains("is compared with its relatives"));
        long questions = texts.stream().filter(t -> t.startsWith("Q: ")).count();
        assertThat(questions).isBetween(200L, 800L);
    }

    @Test
    void everyDocumentSentenceIsAboutWorldEntitiesInLowerCase() {
        Set<String> words = world.categories();
        for (Document document : dataset.documents()) {
            for (String sentence : Texts.sentences(document.text())) {
                assertThat(Texts.words(sentence).stream().anyMatch(words::contains)).as(sentence).isTrue();
                assertThat(sentence).doesNotContainPattern("^[A-Z][a-z]{3,4} (is|has|can|will)");
            }
        }
    }

    @Test
    void testSplitsAreTheFourOfTheStudyWithSubTypes() {
        assertThat(dataset.testsPerSplit().keySet())
                .containsExactly("category-holdout", "rephrase", "reversal", "syllogism");
        assertThat(dataset.testsPerSplit().values()).allMatch(n -> n >= 50);
        assertThat(dataset.tests().stream().map(t -> t.split() + "/" + t.subType()).distinct())
                .contains("rephrase/category", "rephrase/property", "rephrase/relation",
                        "reversal/category", "reversal/property", "reversal/relation",
                        "syllogism/category", "syllogism/property", "syllogism/relation",
                        "category-holdout/category", "category-holdout/property");
        assertThat(dataset.tests()).allMatch(t -> t.options().size() == 4);
    }

    private Set<String> heldOut() {
        Set<String> tested = dataset.tests().stream().filter(t -> t.split().equals("category-holdout"))
                .map(t -> t.prefix().split(" ")[1]).collect(Collectors.toSet());
        return tested;
    }
}
