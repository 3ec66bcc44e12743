package dev.aft.finetune.rest;

/** A request this service refuses, naming the field at fault; answered with a 400. */
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
