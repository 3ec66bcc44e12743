package dev.aft.model.chat;

/** A chat template that cannot be parsed or rendered (syntax outside the supported subset, raise_exception). */
public class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }
}
