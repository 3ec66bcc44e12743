package dev.aft.contracts;

/**
 * A message that is not a valid AFT event: malformed JSON, an unknown type, an unsupported schema version, or
 * a missing or invalid field. The message names the field path (e.g. {@code payload.plan.finetune.steps}).
 */
public class InvalidEventException extends RuntimeException {

    private final String field;

    public InvalidEventException(String field, String problem, Throwable cause) {
        super(field == null || field.isEmpty() ? problem : field + ": " + problem, cause);
        this.field = field == null ? "" : field;
    }

    /** The path of the offending field; empty when the problem is the message as a whole. */
    public String field() {
        return field;
    }
}
