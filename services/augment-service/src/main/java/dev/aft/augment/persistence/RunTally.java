package dev.aft.augment.persistence;

import dev.aft.augment.domain.StepCounts;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;

/**
 * A run's outputs added up: the post-processing counts, the outputs of prompts that could not fit the context,
 * and (global runs) how many context documents the prompts carried and how many prompts had their context
 * chosen because the corpus did not fit.
 */
public record RunTally(StepCounts counts, int overContextOutputs, int overContextPrompts, int contextLimitedPrompts,
        IntSummaryStatistics contextDocuments) {

    /** One output row's numbers (no text), as {@link RunStore#tally} reads them. */
    public record Row(String promptId, boolean overContext, int candidates, int droppedEcho, int droppedNotStatement,
            int droppedDuplicateOfSource, int droppedDuplicate, int kept, Integer contextDocuments,
            boolean contextLimited) {
    }

    public static RunTally of(List<Row> rows) {
        StepCounts counts = StepCounts.ZERO;
        int overContext = 0;
        Map<String, Row> byPrompt = new HashMap<>();
        for (Row row : rows) {
            byPrompt.putIfAbsent(row.promptId(), row);
            if (row.overContext()) {
                overContext++;
                continue;
            }
            counts = counts.plus(new StepCounts(1, row.candidates() == 0 ? 1 : 0, row.candidates(), row.droppedEcho(),
                    row.droppedNotStatement(), row.droppedDuplicateOfSource(), row.droppedDuplicate(), row.kept()));
        }
        int overContextPrompts = 0;
        int limited = 0;
        IntSummaryStatistics documents = new IntSummaryStatistics();
        for (Row row : byPrompt.values()) {
            if (row.overContext()) {
                overContextPrompts++;
            } else if (row.contextDocuments() != null) {
                documents.accept(row.contextDocuments());
                if (row.contextLimited()) {
                    limited++;
                }
            }
        }
        return new RunTally(counts, overContext, overContextPrompts, limited, documents);
    }
}
