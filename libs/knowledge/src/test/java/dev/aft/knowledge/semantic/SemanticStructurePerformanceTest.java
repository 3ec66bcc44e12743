package dev.aft.knowledge.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.knowledge.DatasetJsonl;
import dev.aft.knowledge.Families;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SemanticStructurePerformanceTest {

    @Test
    void fullDefaultWorldGeneratesAndSerializesInUnderFiveSeconds() {
        long start = System.nanoTime();
        var dataset = Families.generator("semantic-structure").generate(Map.of(), 99);
        int bytes = DatasetJsonl.documents(dataset).length + DatasetJsonl.tests(dataset).length;
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(bytes).isGreaterThan(500_000);
        assertThat(millis).isLessThan(5_000);
    }
}
