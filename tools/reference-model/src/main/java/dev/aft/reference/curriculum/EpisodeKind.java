package dev.aft.reference.curriculum;

/** What an episode teaches. */
public enum EpisodeKind {
    /** Plain documents of a world, several packed into one sequence; every token is learned. */
    DOCUMENTS,
    /** eval-service's in-context format: documents, then statements that follow from them. */
    IN_CONTEXT,
    /** Key-value pairs, then lookups of every key (induction-style copying). */
    RECALL,
    /** A list of words, then the same list again: the plainest copy from context (induction heads). */
    COPY,
    /** augment-service's local prompt for one sentence, then its restatements and reversals. */
    LOCAL_AUGMENTATION,
    /** augment-service's global prompt, then the focus document's reversals and conclusions. */
    GLOBAL_AUGMENTATION,
    /**
     * augment-service's local prompt for a sentence of a comparison world (simple reversals) only: the reversal
     * that turns a comparative into its opposite ("wider" into "narrower"), which the mixed local episodes give
     * too rarely for the fourteen one-word pairs.
     */
    LOCAL_COMPARISONS,
    /**
     * eval-service's in-context format for a comparison world (simple reversals) only: the comparative must be
     * taken from the document that states the fact, kept for the forward statement and turned for the reversal,
     * which the mixed in-context episodes give too rarely for the model to stop answering with one comparative
     * of the dimension whatever the document says.
     */
    IN_CONTEXT_COMPARISONS,
    /** Documents and forward statements of the run's recurring facts ({@link RecurringFacts}); every token is learned. */
    RECURRING
}
