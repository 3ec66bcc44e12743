package dev.aft.finetune.persistence;

/** A training run's life: created, followed by a worker (its job submitted or being submitted), finished. */
public enum RunState {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED
}
