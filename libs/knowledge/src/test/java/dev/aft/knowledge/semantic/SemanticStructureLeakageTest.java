package dev.aft.knowledge.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.DefaultDatasets;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Fact;
import dev.aft.knowledge.TestItem;
import dev.aft.knowledge.Texts;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Training documents never give away what a test asks beyond the trained facts. */
class SemanticStructureLeakageTest {

    private final Dataset dataset = DefaultDatasets.of("semantic-structure");
    private final SemanticReasoner world = new SemanticReasoner(dataset.facts());
    private final Map<String, Fact> facts = dataset.facts().stream().collect(Collectors.toMap(Fact::id, f -> f));
    private final List<List<String>> sentenceWords = dataset.documents().stream()
            .flatMap(d -> Texts.sentences(d.text()).stream()).map(Texts::words).toList();
    private final Map<String, Set<Integer>> sentencesWithWord = index(sentenceWords);

    @Test
    void reversedSentenceNeverAppearsInTrainingButItsForwardFactDoes() {
        Set<String> trained = dataset.documents().stream().flatMap(d -> d.factIds().stream()).collect(Collectors.toSet());
        String corpus = dataset.documents().stream().map(Document::text).collect(Collectors.joining("\n"))
                .toLowerCase(Locale.ROOT);
        for (TestItem test : tests("reversal")) {
            String reversed = (test.prefix() + " " + test.correctOption()).toLowerCase(Locale.ROOT);
            assertThat(corpus).as(test.id()).doesNotContain(reversed);
            assertThat(trained).contains(test.provenance().get(0));
            Fact forward = facts.get(test.provenance().get(0));
            assertThat(test.correctOption()).isEqualTo(forward.subject());
        }
        assertThat(corpus).doesNotContain("one kind of").doesNotContain("something that");
    }

    @Test
    void rephraseWordingIsNeverUsedInTraining() {
        assertThat(dataset.documents()).noneMatch(d -> d.text().contains("If something is a"));
        for (TestItem test : tests("rephrase")) {
            Fact fact = facts.get(test.provenance().get(0));
            assertThat(test.prefix()).startsWith("If something is a " + fact.subject() + ", then it");
        }
    }

    @Test
    void inferredConclusionIsNeverStatedInAnySentence() {
        for (TestItem test : dataset.tests()) {
            if (test.split().equals("syllogism") || test.split().equals("category-holdout")) {
                String subject = test.prefix().split(" ")[1];
                Set<Integer> both = new HashSet<>(sentencesWithWord.getOrDefault(subject, Set.of()));
                both.retainAll(sentencesWithWord.getOrDefault(test.correctOption(), Set.of()));
                assertThat(both).as(test.toString()).isEmpty();
            }
        }
    }

    @Test
    void heldOutCategoryHasExactlyOneTrainedFactItsParent() {
        Set<String> heldOut = tests("category-holdout").stream().map(t -> t.prefix().split(" ")[1])
                .collect(Collectors.toSet());
        assertThat(heldOut).hasSize(10);
        for (String category : heldOut) {
            List<Fact> about = dataset.facts().stream()
                    .filter(f -> f.subject().equals(category) || f.object().equals(category)).toList();
            assertThat(about).as(category).singleElement()
                    .satisfies(f -> assertThat(f.relation()).isEqualTo("is-a"))
                    .satisfies(f -> assertThat(f.subject()).isEqualTo(category));
            Set<String> trainedFactIds = new HashSet<>();
            dataset.documents().stream()
                    .filter(d -> Texts.words(d.text()).contains(category))
                    .forEach(d -> d.factIds().stream().map(facts::get)
                            .filter(f -> f.subject().equals(category) || f.object().equals(category))
                            .forEach(f -> trainedFactIds.add(f.id())));
            assertThat(trainedFactIds).containsExactly(about.get(0).id());
            String parent = about.get(0).object();
            for (List<String> words : sentenceWords) {
                if (words.contains(category)) {
                    assertThat(words.stream().filter(world.categories()::contains).collect(Collectors.toSet()))
                            .as(category).isSubsetOf(category, parent);
                }
            }
        }
    }

    @Test
    void heldOutTestsCoverEveryInheritedFactOfTheCategory() {
        for (TestItem test : tests("category-holdout")) {
            String category = test.prefix().split(" ")[1];
            assertThat(world.lineage(category)).hasSizeGreaterThanOrEqualTo(2);
        }
        Map<String, Long> perCategory = tests("category-holdout").stream()
                .collect(Collectors.groupingBy(t -> t.prefix().split(" ")[1], Collectors.counting()));
        for (Map.Entry<String, Long> entry : perCategory.entrySet()) {
            List<String> ancestors = world.lineage(entry.getKey()).subList(1, world.lineage(entry.getKey()).size());
            long inherited = dataset.facts().stream()
                    .filter(f -> ancestors.contains(f.subject()) && !f.relation().equals("is-a")).count();
            long higherAncestors = ancestors.size() - 1;
            assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(inherited + higherAncestors);
        }
    }

    private static Map<String, Set<Integer>> index(List<List<String>> sentences) {
        Map<String, Set<Integer>> index = new java.util.HashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            for (String word : sentences.get(i)) {
                index.computeIfAbsent(word, k -> new HashSet<>()).add(i);
            }
        }
        return index;
    }

    private List<TestItem> tests(String split) {
        return dataset.tests().stream().filter(t -> t.split().equals(split)).toList();
    }
}
