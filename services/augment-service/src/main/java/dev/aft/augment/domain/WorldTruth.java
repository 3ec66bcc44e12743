package dev.aft.augment.domain;

import dev.aft.contracts.events.GeneratorSpec;
import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.DatasetJsonl;
import dev.aft.knowledge.DatasetGenerator;
import dev.aft.knowledge.Families;
import dev.aft.knowledge.truth.GroundTruth;
import dev.aft.knowledge.truth.GroundTruths;
import java.util.Arrays;
import java.util.Optional;

/**
 * The ground truth of a run's dataset, when there is one: a generated dataset is rebuilt from its spec
 * (generation is deterministic) and, if the rebuilt documents are byte for byte the ones the run reads and the
 * family has a checker, precision and coverage can be measured. Otherwise {@code note} says why there are
 * counts only.
 */
public record WorldTruth(Optional<GroundTruth> checker, String note) {

    public static WorldTruth of(GeneratorSpec spec, byte[] documentsJsonl) {
        if (GeneratorSpec.UPLOAD.equals(spec.generator())) {
            return none("uploaded data: counts only (no ground truth)");
        }
        Optional<DatasetGenerator> generator = Families.find(spec.generator());
        if (generator.isEmpty()) {
            return none("family '" + spec.generator() + "' is unknown to this build: counts only");
        }
        if (!GroundTruths.families().contains(spec.generator())) {
            return none("no ground-truth checker for family '" + spec.generator() + "' yet (have: "
                    + String.join(", ", GroundTruths.families()) + "): counts only");
        }
        Dataset world;
        try {
            world = generator.get().generate(spec.parameters(), spec.seed());
        } catch (IllegalArgumentException e) {
            return none("the dataset's spec cannot be rebuilt (" + e.getMessage() + "): counts only");
        }
        if (!Arrays.equals(DatasetJsonl.documents(world), documentsJsonl)) {
            return none("the rebuilt " + spec.generator() + " world does not give the dataset's documents (another"
                    + " libs/knowledge version?): counts only");
        }
        GroundTruth checker = GroundTruths.of(world).orElseThrow();
        return new WorldTruth(Optional.of(checker), "precision: kept statements true in the rebuilt "
                + spec.generator() + " world (seed " + spec.seed() + "); coverage: of its valid reversals (local) or"
                + " two-step conclusions (global), those the kept statements state");
    }

    private static WorldTruth none(String note) {
        return new WorldTruth(Optional.empty(), note);
    }
}
