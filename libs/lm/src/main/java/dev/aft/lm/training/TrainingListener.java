package dev.aft.lm.training;

/** Hears about a fine-tuning run as it goes; called on the training thread. */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = progress -> {
    };

    /** After every optimizer step. */
    void onStep(TrainingProgress progress);

    /** After a checkpoint of {@code step} steps has been written (and atomically put in place). */
    default void onCheckpoint(int step) {
    }
}
