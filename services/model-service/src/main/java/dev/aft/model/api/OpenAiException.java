package dev.aft.model.api;

/**
 * A request that fails with an OpenAI-style error: an HTTP status and the {@code error} object's
 * {@code type}, {@code param} (the request field at fault, or null) and {@code code}.
 */
public class OpenAiException extends RuntimeException {

    public static final String INVALID_REQUEST = "invalid_request_error";
    public static final String NOT_FOUND = "not_found_error";
    public static final String SERVER_ERROR = "server_error";

    private final int status;
    private final String type;
    private final String param;
    private final String code;

    public OpenAiException(int status, String type, String param, String code, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    /** 400: the request is malformed or names something it may not; {@code param} is the field at fault. */
    public static OpenAiException invalid(String param, String message) {
        return new OpenAiException(400, INVALID_REQUEST, param, null, message);
    }

    public static OpenAiException invalid(String param, String code, String message) {
        return new OpenAiException(400, INVALID_REQUEST, param, code, message);
    }

    /** 404 for an unknown model, as OpenAI answers it. */
    public static OpenAiException modelNotFound(String model) {
        return new OpenAiException(404, INVALID_REQUEST, "model", "model_not_found",
                "The model '" + model + "' does not exist");
    }

    /** 404 for another unknown resource (a file, a job). */
    public static OpenAiException notFound(String param, String message) {
        return new OpenAiException(404, INVALID_REQUEST, param, null, message);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }
}
