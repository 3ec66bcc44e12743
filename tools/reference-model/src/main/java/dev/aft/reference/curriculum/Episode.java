package dev.aft.reference.curriculum;

import java.util.Objects;

/**
 * One training sequence as text: the model reads {@code prompt}, then learns {@code completion} (with an empty
 * prompt, the whole text is learned).
 *
 * @param family the dataset family of the world it comes from ({@code recall} for recall episodes)
 * @param seed   the world's seed
 */
public record Episode(EpisodeKind kind, String family, long seed, String prompt, String completion) {

    public Episode {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(completion, "completion");
        if (completion.isEmpty()) {
            throw new IllegalArgumentException("An episode needs something to learn");
        }
    }

    public String text() {
        return prompt + completion;
    }
}
