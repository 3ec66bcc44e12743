package dev.aft.eval.persistence;

/** Where an evaluation stands. {@code pending} and {@code running} ones are (re)started by the worker pool. */
public enum EvaluationState {
    PENDING("pending"),
    RUNNING("running"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String wireName;

    EvaluationState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
