package dev.aft.model.api;

/** OpenAI's error answer: {@code {"error": {"message", "type", "param", "code"}}} (nulls included). */
public record ErrorBody(Detail error) {

    public record Detail(String message, String type, String param, String code) {
    }

    public static ErrorBody of(String message, String type, String param, String code) {
        return new ErrorBody(new Detail(message, type, param, code));
    }
}
