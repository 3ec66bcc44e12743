package dev.aft.knowledge.truth;

import dev.aft.knowledge.Dataset;
import dev.aft.knowledge.reversals.ReversalsGroundTruth;
import dev.aft.knowledge.reversals.SimpleReversalsGenerator;
import dev.aft.knowledge.syllogisms.SimpleSyllogismsGenerator;
import dev.aft.knowledge.syllogisms.SyllogismsGroundTruth;
import java.util.List;
import java.util.Optional;

/**
 * The ground-truth checkers by family. Simple reversals and simple syllogisms (the study's standard
 * experiment) have one; the other families do not yet, and their augmentations are reported by counts only.
 */
public final class GroundTruths {

    private GroundTruths() {
    }

    /** The families with a checker. */
    public static List<String> families() {
        return List.of(SimpleReversalsGenerator.FAMILY, SimpleSyllogismsGenerator.FAMILY);
    }

    /** The checker for a generated dataset's world, when its family has one. */
    public static Optional<GroundTruth> of(Dataset dataset) {
        return switch (dataset.family()) {
            case SimpleReversalsGenerator.FAMILY -> Optional.of(new ReversalsGroundTruth(dataset.facts()));
            case SimpleSyllogismsGenerator.FAMILY -> Optional.of(SyllogismsGroundTruth.of(dataset));
            default -> Optional.empty();
        };
    }
}
