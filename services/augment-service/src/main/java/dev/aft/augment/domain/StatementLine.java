package dev.aft.augment.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One line of {@code statements.jsonl}: {@code {"id", "text", "strategy", "source": {"documentIds",
 * "sentenceIndex"?}, "promptId", "sample", "trueInWorld"?}}. {@code sentenceIndex} is present for local
 * statements, {@code trueInWorld} where the dataset's world is known.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "text", "strategy", "source", "promptId", "sample", "trueInWorld"})
public record StatementLine(String id, String text, String strategy, Source source, String promptId, int sample,
        Boolean trueInWorld) {

    /** Where a statement comes from: its source documents, and the sentence for local statements. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"documentIds", "sentenceIndex"})
    public record Source(List<String> documentIds, Integer sentenceIndex) {
    }
}
