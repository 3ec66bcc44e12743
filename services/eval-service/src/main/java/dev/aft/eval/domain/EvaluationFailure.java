package dev.aft.eval.domain;

/**
 * Why an evaluation cannot produce a valid score: a broken content link or hash mismatch, a backend without
 * prompt log-probabilities, a context that does not fit. The message becomes {@code EvaluationFailed.reason}.
 */
public class EvaluationFailure extends RuntimeException {

    public EvaluationFailure(String message) {
        super(message);
    }

    public EvaluationFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
