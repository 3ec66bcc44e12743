package dev.aft.dataset.domain;

/** A request that cannot be served as sent; answered with 400 naming the field and the problem. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
