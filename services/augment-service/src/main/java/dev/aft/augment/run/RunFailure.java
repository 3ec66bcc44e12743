package dev.aft.augment.run;

/** A run cannot complete; the message is the reason {@code AugmentationFailed} carries. */
public class RunFailure extends RuntimeException {

    public RunFailure(String reason) {
        super(reason);
    }

    public RunFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
