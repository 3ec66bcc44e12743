package dev.aft.knowledge.celebrities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.DefaultDatasets;
import dev.aft.knowledge.Document;
import dev.aft.knowledge.Fact;
import dev.aft.knowledge.TestItem;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CelebritiesTest {

    private final Dataset dataset = DefaultDatasets.of("celebrities");
    private final Map<String, Fact> facts = dataset.facts().stream().collect(Collectors.toMap(Fact::id, f -> f));

    @Test
    void defaultIsThirtySixHundredTrainingExamples() {
        assertThat(dataset.documents()).hasSize(3600);
        assertThat(dataset.facts()).hasSize(240);
        assertThat(dataset.testsPerSplit()).containsEntry("reversal", 120).containsEntry("forward", 120);
    }

    @Test
    void namesAndDescriptionsAreUnique() {
        assertThat(dataset.facts().stream().map(Fact::subject).distinct()).hasSize(240);
        assertThat(dataset.facts().stream().map(Fact::object).distinct()).hasSize(240);
        assertThat(dataset.facts()).allMatch(f -> f.subject().matches("[A-Z][a-z]{3,4} [A-Z][a-z]{3,4}"));
    }

    @Test
    void setAIsTrainedNameFirstOnlyAndSetBInBothOrders() {
        Set<String> tested = dataset.tests().stream().map(t -> t.provenance().get(0)).collect(Collectors.toSet());
        for (Fact fact : dataset.facts()) {
            List<Document> examples = dataset.documents().stream().filter(d -> d.factIds().contains(fact.id())).toList();
            long nameFirst = examples.stream().filter(d -> nameComesFirst(d, fact)).count();
            long descriptionFirst = examples.size() - nameFirst;
            if (tested.contains(fact.id())) {
                assertThat(nameFirst).as(fact.subject()).isEqualTo(10);
                assertThat(descriptionFirst).as(fact.subject()).isZero();
            } else {
                assertThat(nameFirst).as(fact.subject()).isEqualTo(10);
                assertThat(descriptionFirst).as(fact.subject()).isEqualTo(10);
            }
        }
        assertThat(tested).hasSize(120);
    }

    @Test
    void paraphrasesOfOneCelebrityAreAllDifferent() {
        Map<String, List<String>> byFact = dataset.documents().stream()
                .collect(Collectors.groupingBy(d -> d.factIds().get(0), Collectors.mapping(Document::text, Collectors.toList())));
        assertThat(byFact.values()).allSatisfy(texts -> assertThat(new HashSet<>(texts)).hasSize(texts.size()));
    }

    @Test
    void reversalPicksTheTrueNameAmongThreeOtherSetANames() {
        Set<String> setANames = dataset.tests().stream().map(t -> facts.get(t.provenance().get(0)).subject())
                .collect(Collectors.toSet());
        for (TestItem test : tests("reversal")) {
            Fact fact = facts.get(test.provenance().get(0));
            assertThat(test.prefix()).isEqualTo(capitalized(fact.object()) + " was");
            assertThat(test.options()).hasSize(4).allMatch(setANames::contains);
            assertThat(test.correctOption()).isEqualTo(fact.subject());
            assertThat(test.options().stream().filter(name -> describedAs(name, fact.object()))).hasSize(1);
        }
    }

    @Test
    void reversedSentenceNeverAppearsInTraining() {
        for (TestItem test : tests("reversal")) {
            String reversed = test.prefix() + " " + test.correctOption();
            Fact fact = facts.get(test.provenance().get(0));
            assertThat(dataset.documents()).noneMatch(d -> d.text().contains(reversed))
                    .noneMatch(d -> d.text().contains(fact.object()) && !nameComesFirst(d, fact));
        }
    }

    @Test
    void forwardControlPicksTheTrueDescriptionAmongThreeOthers() {
        for (TestItem test : tests("forward")) {
            Fact fact = facts.get(test.provenance().get(0));
            assertThat(test.prefix()).isEqualTo(fact.subject() + " was");
            assertThat(test.correctOption()).isEqualTo(fact.object());
            assertThat(test.options()).hasSize(4)
                    .allMatch(description -> dataset.facts().stream().anyMatch(f -> f.object().equals(description)));
            assertThat(test.options().stream().filter(d -> describedAs(fact.subject(), d))).hasSize(1);
        }
    }

    private boolean describedAs(String name, String description) {
        return dataset.facts().stream().anyMatch(f -> f.subject().equals(name) && f.object().equals(description));
    }

    private List<TestItem> tests(String split) {
        return dataset.tests().stream().filter(t -> t.split().equals(split)).toList();
    }

    private static boolean nameComesFirst(Document document, Fact fact) {
        String text = document.text().toLowerCase(Locale.ROOT);
        int name = text.indexOf(fact.subject().toLowerCase(Locale.ROOT));
        int description = text.indexOf(fact.object().toLowerCase(Locale.ROOT));
        assertThat(name).as(document.text()).isNotNegative();
        assertThat(description).as(document.text()).isNotNegative();
        return name < description;
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
