package dev.aft.augment.domain;

import java.util.List;

/**
 * Which documents a global prompt carries as context besides its focus document: all others, or ({@code limited})
 * the ones sharing the most words with the focus that fit the token budget. {@code estimatedTokens} is the
 * prompt's estimated length; {@code budget} what it had to fit.
 */
public record ContextSelection(int otherDocuments, List<String> selectedIds, boolean limited, int estimatedTokens,
        int budget) {

    public ContextSelection {
        selectedIds = List.copyOf(selectedIds);
    }

    public int selected() {
        return selectedIds.size();
    }
}
