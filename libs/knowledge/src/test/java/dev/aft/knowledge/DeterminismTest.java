package dev.aft.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DeterminismTest {

    static java.util.List<String> families() {
        return Families.names();
    }

    @ParameterizedTest
    @MethodSource("families")
    void sameParametersAndSeedGiveByteIdenticalJsonl(String family) {
        Dataset first = DefaultDatasets.of(family);
        Dataset second = Families.generator(family).generate(Map.of(), DefaultDatasets.SEED);
        assertThat(DatasetJsonl.documents(second)).isEqualTo(DatasetJsonl.documents(first));
        assertThat(DatasetJsonl.tests(second)).isEqualTo(DatasetJsonl.tests(first));
        assertThat(DatasetJsonl.facts(second)).isEqualTo(DatasetJsonl.facts(first));
    }

    @ParameterizedTest
    @MethodSource("families")
    void anotherSeedGivesAnotherWorld(String family) {
        Dataset first = DefaultDatasets.of(family);
        Dataset other = Families.generator(family).generate(Map.of(), 2);
        Set<String> firstWords = entities(first);
        Set<String> otherWords = entities(other);
        assertThat(otherWords).isNotEqualTo(firstWords);
        Set<String> firstSentences = first.facts().stream().map(Fact::sentence).collect(Collectors.toSet());
        long shared = other.facts().stream().map(Fact::sentence).filter(firstSentences::contains).count();
        assertThat(shared).as("facts stated alike in both worlds").isLessThan(other.facts().size() / 2);
        assertThat(DatasetJsonl.documents(other)).isNotEqualTo(DatasetJsonl.documents(first));
    }

    private static Set<String> entities(Dataset dataset) {
        return dataset.facts().stream().map(Fact::subject).collect(Collectors.toSet());
    }
}
