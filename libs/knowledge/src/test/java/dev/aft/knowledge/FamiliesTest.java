package dev.aft.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FamiliesTest {

    @Test
    void listsTheStudysFiveFamiliesInOrder() {
        assertThat(Families.names()).containsExactly(
                "simple-reversals", "simple-syllogisms", "celebrities", "semantic-structure", "process-knowledge");
    }

    @Test
    void everyNameLeadsToTheGeneratorOfThatFamily() {
        for (String name : Families.names()) {
            assertThat(Families.generator(name).family()).isEqualTo(name);
            assertThat(Families.find(name)).isPresent();
        }
    }

    @Test
    void unknownFamilyIsRejectedWithTheKnownNames() {
        assertThat(Families.find("reversals")).isEmpty();
        assertThatThrownBy(() -> Families.generator("reversals"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"reversals\"")
                .hasMessageContaining("simple-reversals, simple-syllogisms, celebrities, semantic-structure, "
                        + "process-knowledge");
    }

    @Test
    void generatedDatasetCarriesItsFamilySeedAndEveryParameter() {
        Dataset dataset = DefaultDatasets.of("simple-reversals");
        assertThat(dataset.family()).isEqualTo("simple-reversals");
        assertThat(dataset.seed()).isEqualTo(DefaultDatasets.SEED);
        assertThat(dataset.parameters()).containsEntry("facts", 100).containsEntry("articlesPerFact", 10);
    }
}
