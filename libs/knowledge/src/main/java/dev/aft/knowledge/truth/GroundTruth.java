package dev.aft.knowledge.truth;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What is true in a generated world, for measuring augmentations: whether a statement holds, and which valid
 * inferences (reversals, two-step conclusions) a set of statements contains.
 *
 * <p>A checker reads the claims a sentence makes in the family's own sentence forms (for example
 * "glon are heavier than femp", "All glon are yomp"), wherever they sit in the sentence, so lead-ins such as
 * "It is well known that" do not matter. A sentence is true when the checker reads at least one claim in it,
 * every claim it reads holds, and it carries no negation the checker cannot read ("not", "never", "false",
 * "n't", ...). Everything else (no readable claim, a claim about entities the world does not relate, a
 * contradiction) is not true: the world is closed, so precision counts only what the world confirms.
 */
public interface GroundTruth {

    /** The dataset family this checker understands. */
    String family();

    /** Whether {@code sentence} is true in the world (see the class comment). */
    boolean isTrue(String sentence);

    /** Every valid inference of this kind in the world (possibly none). */
    List<Inference> inferences(Inference.Kind kind);

    /** The ids of the inferences {@code sentence} states (any kind). */
    Set<String> inferencesStated(String sentence);

    /** How many inferences of {@code kind} the statements state, each counted once however often stated. */
    default Coverage coverage(Inference.Kind kind, Collection<String> statements) {
        Set<String> stated = new HashSet<>();
        for (String statement : statements) {
            stated.addAll(inferencesStated(statement));
        }
        List<Inference> targets = inferences(kind);
        List<String> missed = targets.stream().map(Inference::id).filter(id -> !stated.contains(id)).toList();
        return new Coverage(kind, targets.size(), targets.size() - missed.size(), missed);
    }
}
