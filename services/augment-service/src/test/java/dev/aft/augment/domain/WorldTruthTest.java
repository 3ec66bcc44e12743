package dev.aft.augment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aft.contracts.events.GeneratorSpec;
import dev.aft.knowledge.DatasetJsonl;
import dev.aft.knowledge.Families;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorldTruthTest {

    @Test
    void aGeneratedReversalsDatasetIsRebuiltAndJudged() {
        Map<String, Object> parameters = Map.of("facts", 3, "articlesPerFact", 2);
        byte[] documents = DatasetJsonl.documents(Families.generator("simple-reversals").generate(parameters, 9));
        WorldTruth truth = WorldTruth.of(new GeneratorSpec("simple-reversals", parameters, 9), documents);
        assertThat(truth.checker()).isPresent();
        assertThat(truth.note()).contains("precision").contains("seed 9");
    }

    @Test
    void uploadsOtherFamiliesAndMismatchingDocumentsGetCountsOnlyWithTheReason() {
        byte[] some = "{\"id\":\"d1\",\"text\":\"x.\"}\n".getBytes(StandardCharsets.UTF_8);
        assertThat(WorldTruth.of(new GeneratorSpec("upload", Map.of(), 0), some).note()).startsWith("uploaded data");
        assertThat(WorldTruth.of(new GeneratorSpec("celebrities", Map.of(), 1), some).note())
                .contains("no ground-truth checker for family 'celebrities'");
        WorldTruth mismatch = WorldTruth.of(new GeneratorSpec("simple-syllogisms", Map.of("examples", 2), 1), some);
        assertThat(mismatch.checker()).isEmpty();
        assertThat(mismatch.note()).contains("does not give the dataset's documents");
        assertThat(WorldTruth.of(new GeneratorSpec("simple-syllogisms", Map.of("examples", 0), 1), some).note())
                .contains("cannot be rebuilt");
    }
}
