package dev.aft.modelclient;

/**
 * An error answer of a model server, in OpenAI's shape {@code {"error": {"message", "type", "param", "code"}}},
 * or a failure to reach it at all ({@code status} 0).
 */
public class ModelApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;
    private final String param;

    public ModelApiException(int status, String type, String code, String param, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    /** HTTP status, or 0 when no answer came (connection refused, timeout). */
    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }

    /** Whether trying again may help: no answer, 408, 409, 429 or a 5xx. */
    public boolean retryable() {
        return status == 0 || status == 408 || status == 409 || status == 429 || status >= 500;
    }
}
