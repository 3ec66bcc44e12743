package dev.aft.contracts.serde;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aft.contracts.InvalidEventException;
import dev.aft.contracts.OptionalField;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Checks a JSON tree against the shape of a contract record before binding: every component not marked
 * {@link OptionalField} must be present and non-null, and each value must have the right JSON kind. Unknown
 * fields are ignored (forward compatibility). Binding alone could not tell a missing number from a zero.
 */
final class RequiredFields {

    private RequiredFields() {
    }

    static void check(JsonNode node, Type type, String path) {
        Class<?> raw = rawClass(type);
        if (raw.isRecord()) {
            if (!node.isObject()) {
                throw invalid(path, "must be a JSON object, was " + kind(node));
            }
            for (RecordComponent component : raw.getRecordComponents()) {
                String childPath = join(path, component.getName());
                JsonNode child = node.get(component.getName());
                if (child == null || child.isNull()) {
                    if (!component.isAnnotationPresent(OptionalField.class)) {
                        throw invalid(childPath, "is required");
                    }
                } else if (!(component.getGenericType() instanceof java.lang.reflect.TypeVariable<?>)) {
                    check(child, component.getGenericType(), childPath);
                }
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            if (!node.isArray()) {
                throw invalid(path, "must be a JSON array, was " + kind(node));
            }
            Type element = typeArgument(type, 0);
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    throw invalid(path + "[" + i + "]", "must not be null");
                }
                check(node.get(i), element, path + "[" + i + "]");
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (!node.isObject()) {
                throw invalid(path, "must be a JSON object, was " + kind(node));
            }
            Type value = typeArgument(type, 1);
            node.fields().forEachRemaining(entry -> {
                String entryPath = path + "[" + entry.getKey() + "]";
                if (entry.getValue().isNull()) {
                    throw invalid(entryPath, "must not be null");
                }
                check(entry.getValue(), value, entryPath);
            });
        } else if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            if (!node.isIntegralNumber()) {
                throw invalid(path, "must be an integer, was " + kind(node));
            }
        } else if (raw == double.class || raw == Double.class) {
            if (!node.isNumber()) {
                throw invalid(path, "must be a number, was " + kind(node));
            }
        } else if (raw == boolean.class || raw == Boolean.class) {
            if (!node.isBoolean()) {
                throw invalid(path, "must be true or false, was " + kind(node));
            }
        } else if (raw == String.class || raw.isEnum() || raw == UUID.class || raw == Instant.class) {
            if (!node.isTextual()) {
                throw invalid(path, "must be a string, was " + kind(node));
            }
        }
        // Object (free-form parameters): any JSON value.
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    private static InvalidEventException invalid(String path, String problem) {
        return new InvalidEventException(path, problem, null);
    }
}
