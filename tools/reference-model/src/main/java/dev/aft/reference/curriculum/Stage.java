package dev.aft.reference.curriculum;

import java.util.List;

/**
 * One stage of the curriculum: a share of the token budget whose episodes fit {@code sequenceTokens}, mixed by
 * {@code mix}, from worlds sized to fill such sequences, with in-context episodes of {@code minDocuments..maxDocuments} documents (as many as fit, for long stages) and
 * {@code minProbes..maxProbes} statements, and recall episodes of {@code minPairs..maxPairs} pairs.
 *
 * @param contextFill for in-context and global episodes, the least share of {@code sequenceTokens} the context
 *                    tries to fill with documents before it stops adding them (0: just the drawn count)
 */
public record Stage(String name, double tokenShare, int sequenceTokens, int batchSize, Curriculum.Mix mix,
        int minDocuments,
int maxDocuments, double contextFill, int minProbes, int maxProbes, int minPairs, int maxPairs) {

    public Stage {
        java.util.Objects.requireNonNull(mix, "mix");
        if (!(tokenShare > 0) || tokenShare > 1) {
            throw new IllegalArgumentException("tokenShare must be in (0, 1], was " + tokenShare);
        }
        if (minDocuments < 1 || maxDocuments < minDocuments || minProbes < 1 || maxProbes < minProbes
                || minPairs < 2 || maxPairs < minPairs || sequenceTokens < 64 || batchSize < 1) {
            throw new IllegalArgumentException("Inconsistent stage " + name);
        }
    }

    /**
     * Copying first, then few facts per episode, then more. Stage 1 (128 tokens): word lists and their copies,
     * key-value recall and 1-2 documents in context; a model must learn to copy from its context (induction)
     * before any in-context condition can work, and small batches give it the most optimizer steps per token.
     * Stage 2 (256): up to 4 documents, recall of up to 16 pairs. Stage 3 (512): up to ~450 tokens of context,
     * with augmentation episodes. Stage 4 (1,024): up to ~900. Local augmentation prompts take ~200 tokens
     * whatever the stage, so the long stage has few of them (a short episode in a batch of long ones is mostly
     * padding).
     */
    public static List<Stage> defaults() {
        return List.of(
                new Stage("copy", 0.22, 128, 16, new Curriculum.Mix(0.15, 0.25, 0.25, 0.35, 0, 0),
                        1, 2, 0.0, 1, 3, 2, 8),
                new Stage("short", 0.20, 256, 16, new Curriculum.Mix(0.20, 0.40, 0.20, 0.20, 0, 0),
                        1, 4, 0.0, 1, 4, 4, 16),
                new Stage("medium", 0.28, 512, 8, new Curriculum.Mix(0.17, 0.43, 0.10, 0.05, 0.15, 0.10),
                        2, 32, 0.6, 2, 5, 16, 48),
                new Stage("long", 0.30, 1024, 4, new Curriculum.Mix(0.20, 0.50, 0.10, 0, 0.03, 0.17),
                        4, 80, 0.75, 2, 6, 48, 120));
    }

    /** This stage with sequences no longer than {@code context} tokens. */
    public Stage fitting(int context) {
        if (sequenceTokens <= context) {
            return this;
        }
        return new Stage(name, tokenShare, context, batchSize * sequenceTokens / context, mix, minDocuments,
                maxDocuments, contextFill, minProbes, maxProbes, minPairs, maxPairs);
    }

    /** This stage with another mix. */
    public Stage withMix(Curriculum.Mix mix) {
        return new Stage(name, tokenShare, sequenceTokens, batchSize, mix, minDocuments, maxDocuments, contextFill,
                minProbes, maxProbes, minPairs, maxPairs);
    }
}
