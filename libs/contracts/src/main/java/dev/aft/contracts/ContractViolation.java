package dev.aft.contracts;

/**
 * A value that breaks the contract, found while constructing a contract record. Names the offending field
 * (relative to the record being built) so that decoders can report the full path.
 */
public class ContractViolation extends IllegalArgumentException {

    private final String field;

    private final String problem;

    /**
     * @param field the field, relative to the record being built; empty when the value itself is the subject
     *     (an enum constant), whose position the decoder knows
     */
    public ContractViolation(String field, String problem) {
        super(field.isEmpty() ? problem : field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The field, relative to the record whose constructor rejected it; empty for a rejected value. */
    public String field() {
        return field;
    }

    /** The problem without the field name. */
    public String problem() {
        return problem;
    }
}
