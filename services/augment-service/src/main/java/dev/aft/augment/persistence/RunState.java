package dev.aft.augment.persistence;

/** The life of an augmentation run: created from the event, executed by a worker, finished once. */
public enum RunState {
    /** Created, not yet picked up by a worker. */
    PENDING,
    /** A worker is (or was, before a restart) writing outputs. */
    RUNNING,
    /** All outputs written; {@code AugmentationCompleted} is in the outbox. */
    COMPLETED,
    /** Stopped for good; {@code AugmentationFailed} with the reason is in the outbox. */
    FAILED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean finished() {
        return this == COMPLETED || this == FAILED;
    }
}
