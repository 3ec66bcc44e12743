package dev.aft.augment.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The post-processing report of one output or a whole run. {@code outputs} are model answers (one per prompt
 * and sample); each is cut into {@code candidates}, and every candidate ends in exactly one of the drop counts
 * or {@code kept}: {@code candidates = droppedEcho + droppedNotStatement + droppedDuplicateOfSource +
 * droppedDuplicate + kept}. {@code emptyOutputs} are answers that gave no candidate at all.
 */
public record StepCounts(int outputs, int emptyOutputs, int candidates, int droppedEcho, int droppedNotStatement,
        int droppedDuplicateOfSource, int droppedDuplicate, int kept) {

    public static final StepCounts ZERO = new StepCounts(0, 0, 0, 0, 0, 0, 0, 0);

    public StepCounts plus(StepCounts other) {
        return new StepCounts(outputs + other.outputs, emptyOutputs + other.emptyOutputs,
                candidates + other.candidates, droppedEcho + other.droppedEcho,
                droppedNotStatement + other.droppedNotStatement,
                droppedDuplicateOfSource + other.droppedDuplicateOfSource, droppedDuplicate + other.droppedDuplicate,
                kept + other.kept);
    }

    /** Whether every candidate is accounted for exactly once. */
    public boolean consistent() {
        return candidates == droppedEcho + droppedNotStatement + droppedDuplicateOfSource + droppedDuplicate + kept;
    }

    /** The counts by name, in pipeline order (as in the event and the run's report). */
    public Map<String, Integer> asMap() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("outputs", outputs);
        map.put("emptyOutputs", emptyOutputs);
        map.put("candidates", candidates);
        map.put("droppedEcho", droppedEcho);
        map.put("droppedNotStatement", droppedNotStatement);
        map.put("droppedDuplicateOfSource", droppedDuplicateOfSource);
        map.put("droppedDuplicate", droppedDuplicate);
        map.put("kept", kept);
        return map;
    }
}
