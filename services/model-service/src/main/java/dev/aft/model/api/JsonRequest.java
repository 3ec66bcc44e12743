package dev.aft.model.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reading of a JSON request object; every wrong type, range or missing field is a 400 whose
 * {@code param} names the field (with its path, e.g. {@code hyperparameters.batch_size}).
 */
public final class JsonRequest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ObjectNode node;
    private final String path;

    private JsonRequest(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Parses a request body that must be one JSON object. */
    public static JsonRequest parse(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw OpenAiException.invalid(null, "We could not parse the JSON body of your request: "
                    + e.getOriginalMessage() + ". The body must be a JSON object.");
        } catch (java.io.IOException e) {
            throw OpenAiException.invalid(null, "We could not read the body of your request: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw OpenAiException.invalid(null, "The request body is empty; it must be a JSON object.");
        }
        if (!root.isObject()) {
            throw OpenAiException.invalid(null, "The request body must be a JSON object, got " + kind(root) + ".");
        }
        return new JsonRequest((ObjectNode) root, "");
    }

    public static JsonRequest of(ObjectNode node, String path) {
        return new JsonRequest(node, path);
    }

    public String param(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public JsonNode raw(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    public String requiredString(String field) {
        return optionalString(field).orElseThrow(() -> missing(field));
    }

    public Optional<String> optionalString(String field) {
        JsonNode value = raw(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw wrongType(field, "a string", value);
        }
        return Optional.of(value.asText());
    }

    public int integer(String field, int defaultValue, int min, int max) {
        JsonNode value = raw(field);
        if (value == null) {
            return defaultValue;
        }
        return checkedInt(param(field), value, min, max);
    }

    public Optional<Integer> optionalInteger(String field, int min, int max) {
        JsonNode value = raw(field);
        return value == null ? Optional.empty() : Optional.of(checkedInt(param(field), value, min, max));
    }

    public Optional<Long> optionalLong(String field) {
        JsonNode value = raw(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(field, "an integer", value);
        }
        return Optional.of(value.longValue());
    }

    public double number(String field, double defaultValue, double min, double max) {
        return optionalNumber(field, min, max).orElse(defaultValue);
    }

    public Optional<Double> optionalNumber(String field, double min, double max) {
        JsonNode value = raw(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw wrongType(field, "a number", value);
        }
        double number = value.doubleValue();
        if (number < min) {
            throw OpenAiException.invalid(param(field), "Invalid '" + param(field) + "': number below minimum value. "
                    + "Expected a value >= " + format(min) + ", but got " + format(number) + " instead.");
        }
        if (number > max) {
            throw OpenAiException.invalid(param(field), "Invalid '" + param(field) + "': number above maximum value. "
                    + "Expected a value <= " + format(max) + ", but got " + format(number) + " instead.");
        }
        return Optional.of(number);
    }

    public boolean bool(String field, boolean defaultValue) {
        JsonNode value = raw(field);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw wrongType(field, "a boolean", value);
        }
        return value.booleanValue();
    }

    public Optional<JsonRequest> optionalObject(String field) {
        JsonNode value = raw(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw wrongType(field, "an object", value);
        }
        return Optional.of(new JsonRequest((ObjectNode) value, param(field)));
    }

    /** A string or an array of strings (OpenAI's {@code stop}); empty when absent. */
    public List<String> stringOrStrings(String field, int maxItems) {
        JsonNode value = raw(field);
        List<String> strings = new ArrayList<>();
        if (value == null) {
            return strings;
        }
        if (value.isTextual()) {
            strings.add(value.asText());
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (!item.isTextual()) {
                    throw OpenAiException.invalid(param(field), "Invalid type for '" + param(field) + "[" + i
                            + "]': expected a string, but got " + kind(item) + " instead.");
                }
                strings.add(item.asText());
            }
        } else {
            throw wrongType(field, "a string or an array of strings", value);
        }
        if (strings.size() > maxItems) {
            throw OpenAiException.invalid(param(field), "Invalid '" + param(field) + "': array too long. Expected an"
                    + " array with maximum length " + maxItems + ", but got an array with length " + strings.size()
                    + " instead.");
        }
        for (String s : strings) {
            if (s.isEmpty()) {
                throw OpenAiException.invalid(param(field), "Invalid '" + param(field)
                        + "': stop sequences must not be empty.");
            }
        }
        return strings;
    }

    public OpenAiException missing(String field) {
        return OpenAiException.invalid(param(field), "Missing required parameter: '" + param(field) + "'.");
    }

    public OpenAiException wrongType(String field, String expected, JsonNode value) {
        return OpenAiException.invalid(param(field), "Invalid type for '" + param(field) + "': expected " + expected
                + ", but got " + kind(value) + " instead.");
    }

    public static int checkedInt(String param, JsonNode value, int min, int max) {
        if (!value.isIntegralNumber() && !(value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue()))) {
            throw OpenAiException.invalid(param, "Invalid type for '" + param + "': expected an integer, but got "
                    + kind(value) + " instead.");
        }
        if (!value.canConvertToLong() || value.longValue() < min) {
            throw OpenAiException.invalid(param, "Invalid '" + param + "': integer below minimum value. Expected a"
                    + " value >= " + min + ", but got " + value.asText() + " instead.");
        }
        if (value.longValue() > max) {
            throw OpenAiException.invalid(param, "Invalid '" + param + "': integer above maximum value. Expected a"
                    + " value <= " + max + ", but got " + value.asText() + " instead.");
        }
        return (int) value.longValue();
    }

    public static String kind(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isIntegralNumber()) {
            return "an integer";
        }
        if (value.isNumber()) {
            return "a decimal";
        }
        if (value.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
