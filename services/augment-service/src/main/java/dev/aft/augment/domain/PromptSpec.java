package dev.aft.augment.domain;

import java.util.List;

/**
 * One prompt of a run. {@code id} is stable across restarts ({@code local:<documentId>:<sentenceIndex>},
 * {@code global:<documentId>}); {@code documentIds} are the source documents its statements come from;
 * {@code sentenceIndex} is set for local prompts; {@code context} for global ones. {@code text} is null when
 * the prompt cannot fit the model's context at all.
 */
public record PromptSpec(String id, String text, List<String> documentIds, Integer sentenceIndex,
        ContextSelection context) {

    public PromptSpec {
        documentIds = List.copyOf(documentIds);
    }

    public boolean overContext() {
        return text == null;
    }
}
