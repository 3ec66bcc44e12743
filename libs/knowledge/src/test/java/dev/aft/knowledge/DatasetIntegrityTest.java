package dev.aft.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What holds for every family: ids, references between facts, documents and tests, and option sets. */
class DatasetIntegrityTest {

    static List<String> families() {
        return Families.names();
    }

    @ParameterizedTest
    @MethodSource("families")
    void idsAreSequentialAndUnique(String family) {
        Dataset dataset = DefaultDatasets.of(family);
        assertSequential(dataset.facts().stream().map(Fact::id).toList(), "f");
        assertSequential(dataset.documents().stream().map(Document::id).toList(), "d");
        assertSequential(dataset.tests().stream().map(TestItem::id).toList(), "t");
    }

    @ParameterizedTest
    @MethodSource("families")
    void everyFactIdADocumentNamesIsAFactOfTheWorld(String family) {
        Dataset dataset = DefaultDatasets.of(family);
        Set<String> factIds = dataset.facts().stream().map(Fact::id).collect(Collectors.toSet());
        for (Document document : dataset.documents()) {
            assertThat(document.factIds()).as(document.id()).isNotEmpty().allMatch(factIds::contains);
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void everyFactOfTheWorldAppearsInAtLeastOneDocument(String family) {
        Dataset dataset = DefaultDatasets.of(family);
        Set<String> stated = dataset.documents().stream().flatMap(d -> d.factIds().stream())
                .collect(Collectors.toSet());
        assertThat(dataset.facts()).allMatch(f -> stated.contains(f.id()));
    }

    @ParameterizedTest
    @MethodSource("families")
    void everyFactATestFollowsFromAppearsInADocument(String family) {
        Dataset dataset = DefaultDatasets.of(family);
        Set<String> stated = dataset.documents().stream().flatMap(d -> d.factIds().stream())
                .collect(Collectors.toSet());
        for (TestItem test : dataset.tests()) {
            assertThat(test.provenance()).as(test.id()).isNotEmpty().allMatch(stated::contains);
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void optionsAreDistinctAndTheCorrectIndexVaries(String family) {
        Dataset dataset = DefaultDatasets.of(family);
        for (TestItem test : dataset.tests()) {
            assertThat(new HashSet<>(test.options())).as(test.id()).hasSize(test.options().size());
            assertThat(test.options()).allMatch(o -> !o.isBlank() && o.equals(o.strip()));
            assertThat(test.prefix()).doesNotEndWith(" ");
        }
        Map<Integer, Long> byIndex = dataset.tests().stream()
                .collect(Collectors.groupingBy(TestItem::correct, Collectors.counting()));
        assertThat(byIndex.keySet()).as("correct indices used").hasSizeGreaterThan(1);
        long largest = byIndex.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(largest).as("no index dominates").isLessThan(dataset.tests().size() * 7L / 10);
    }

    @ParameterizedTest
    @MethodSource("families")
    void everyFamilyHasAControlSplitBesideItsGeneralizationSplit(String family) {
        Set<String> splits = DefaultDatasets.of(family).testsPerSplit().keySet();
        assertThat(splits).containsAnyOf("forward", "rephrase", "trained-combination");
        assertThat(splits).containsAnyOf("reversal", "syllogism", "held-out-combination");
    }

    private static void assertSequential(List<String> ids, String prefix) {
        assertThat(ids).isNotEmpty();
        for (int i = 0; i < ids.size(); i++) {
            assertThat(ids.get(i)).isEqualTo(String.format("%s-%04d", prefix, i + 1));
        }
        assertThat(ids.stream().collect(Collectors.toMap(Function.identity(), x -> 1, Integer::sum)))
                .allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    }
}
