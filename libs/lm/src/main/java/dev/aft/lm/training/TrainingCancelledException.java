package dev.aft.lm.training;

/**
 * Training stopped because it was asked to; the work folder holds a checkpoint of {@link #step()} steps
 * from which the same call resumes.
 */
public final class TrainingCancelledException extends RuntimeException {

    private final int step;

    public TrainingCancelledException(int step, int totalSteps) {
        super("Training cancelled after step " + step + " of " + totalSteps);
        this.step = step;
    }

    /** Steps done (and checkpointed) when training stopped. */
    public int step() {
        return step;
    }
}
