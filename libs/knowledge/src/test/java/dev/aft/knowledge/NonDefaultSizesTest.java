package dev.aft.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Smallest and other non-default sizes still give valid datasets of the asked size. */
class NonDefaultSizesTest {

    static Stream<Arguments> sizes() {
        return Stream.of(
                Arguments.of("simple-reversals", Map.of("facts", 1, "articlesPerFact", 1), 1),
                Arguments.of("simple-reversals", Map.of("facts", 30, "articlesPerFact", 20), 600),
                Arguments.of("simple-syllogisms", Map.of("examples", 1), 1),
                Arguments.of("simple-syllogisms", Map.of("examples", 200), 200),
                Arguments.of("celebrities", Map.of("celebritiesPerSet", 4, "paraphrasesPerDirection", 1), 12),
                Arguments.of("semantic-structure", Map.of("categories", 20, "holdoutCategories", 2, "documents", 30), 30),
                Arguments.of("semantic-structure", Map.of("categories", 60, "holdoutCategories", 0, "documents", 300), 300),
                Arguments.of("process-knowledge", Map.of("primitives", 3, "heldOutCombinations", 9), 120),
                Arguments.of("process-knowledge", Map.of("primitives", 4, "heldOutCombinations", 1, "documents", 11), 11));
    }

    @ParameterizedTest
    @MethodSource("sizes")
    void generatesTheAskedNumberOfDocumentsWithEveryTestGrounded(String family, Map<String, Object> parameters,
            int documents) {
        Dataset dataset = Families.generator(family).generate(parameters, 5);
        assertThat(dataset.documents()).hasSize(documents);
        assertThat(dataset.tests()).isNotEmpty();
        Set<String> stated = dataset.documents().stream().flatMap(d -> d.factIds().stream()).collect(Collectors.toSet());
        assertThat(dataset.facts()).allMatch(f -> stated.contains(f.id()));
        assertThat(dataset.tests()).allMatch(t -> stated.containsAll(t.provenance()));
    }

    @Test
    void moreHeldOutCategoriesThanEligibleLeavesIsRejected() {
        assertThatThrownBy(() -> Families.generator("semantic-structure")
                .generate(Map.of("categories", 20, "holdoutCategories", 20), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("holdoutCategories must be between 0 and ")
                .hasMessageContaining("for 20 categories, was 20");
    }

    @Test
    void tooFewProcessDocumentsToShowEveryTrainedExampleIsRejected() {
        assertThatThrownBy(() -> Families.generator("process-knowledge")
                .generate(Map.of("primitives", 4, "heldOutCombinations", 1, "documents", 8), 1))
                .hasMessageMatching("documents must be between 1[01] and 10000 for 4 primitives with 1 held-out "
                        + "combinations, was 8");
    }
}
