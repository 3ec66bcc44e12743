package dev.aft.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ParameterValidationTest {

    static java.util.List<String> families() {
        return Families.names();
    }

    @ParameterizedTest
    @MethodSource("families")
    void unknownParameterIsRejectedWithTheKnownOnes(String family) {
        DatasetGenerator generator = Families.generator(family);
        assertThatThrownBy(() -> generator.generate(Map.of("colour", 3), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"colour\"")
                .hasMessageContaining(String.join(", ", generator.defaults().keySet()));
    }

    @ParameterizedTest
    @MethodSource("families")
    void valueBelowTheRangeNamesTheParameterAndTheRange(String family) {
        DatasetGenerator generator = Families.generator(family);
        for (String name : generator.defaults().keySet()) {
            assertThatThrownBy(() -> generator.generate(Map.of(name, -5), 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(name + " must be between ")
                    .hasMessageEndingWith(", was -5");
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void textWhereANumberBelongsIsRejectedNamingTheParameter(String family) {
        DatasetGenerator generator = Families.generator(family);
        String name = generator.defaults().keySet().iterator().next();
        assertThatThrownBy(() -> generator.generate(Map.of(name, "ten"), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name + " must be a whole number between")
                .hasMessageContaining("\"ten\"");
    }

    @Test
    void fractionIsRejectedButAWholeDoubleIsAccepted() {
        DatasetGenerator generator = Families.generator("simple-reversals");
        assertThatThrownBy(() -> generator.generate(Map.of("facts", 2.5), 1))
                .hasMessage("facts must be a whole number between 1 and 1000, was 2.5 (Double)");
        assertThat(generator.generate(Map.of("facts", 3.0, "articlesPerFact", 2L), 1).facts()).hasSize(3);
    }

    @Test
    void factsOfZeroIsRejectedWithTheAllowedRange() {
        assertThatThrownBy(() -> Families.generator("simple-reversals").generate(Map.of("facts", 0), 1))
                .hasMessage("facts must be between 1 and 1000, was 0");
    }

    @Test
    void tooFewSemanticDocumentsToStateEveryFactIsRejected() {
        assertThatThrownBy(() -> Families.generator("semantic-structure").generate(Map.of("documents", 50), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("documents must be between 100 and 50000 for 110 categories with 10 held out, was 50");
    }

    @Test
    void tooManyHeldOutCombinationsForFewPrimitivesIsRejected() {
        assertThatThrownBy(() -> Families.generator("process-knowledge")
                .generate(Map.of("primitives", 3, "heldOutCombinations", 12), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heldOutCombinations must be between 1 and 9 for 3 primitives, was 12");
    }

    @ParameterizedTest
    @MethodSource("families")
    void defaultsAreTheParametersOfADefaultDataset(String family) {
        DatasetGenerator generator = Families.generator(family);
        assertThat(DefaultDatasets.of(family).parameters()).isEqualTo(new java.util.TreeMap<>(generator.defaults()));
    }
}
