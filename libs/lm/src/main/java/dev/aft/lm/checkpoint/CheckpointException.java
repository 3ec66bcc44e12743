package dev.aft.lm.checkpoint;

/** A checkpoint file is missing, malformed, or describes a model this engine does not support. */
public class CheckpointException extends RuntimeException {

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
