package dev.aft.finetune.domain;

/** A run cannot succeed; the message is the {@code TrainingFailed} reason. */
public class TrainingFailure extends RuntimeException {

    public TrainingFailure(String message) {
        super(message);
    }

    public TrainingFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
