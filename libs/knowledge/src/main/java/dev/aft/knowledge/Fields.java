package dev.aft.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Typed access to one JSONL line's fields, failing with a message a user can act on. */
final class Fields {

    private final ObjectNode object;
    private String id;

    Fields(ObjectNode object) {
        this.object = object;
    }

    /** Rejects fields outside {@code allowed} (a misspelt "factID" would otherwise be silently dropped). */
    void allowOnly(List<String> allowed) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!Set.copyOf(allowed).contains(name)) {
                throw new JsonlReader.LineException("unknown field \"" + name + "\"; allowed fields: "
                        + String.join(", ", allowed));
            }
        }
    }

    /** The required, non-blank {@code id}, remembered for the duplicate check. */
    String id() {
        if (id == null) {
            id = text("id");
        }
        return id;
    }

    /** A required, non-blank string. */
    String text(String name) {
        JsonNode node = required(name);
        if (!node.isTextual()) {
            throw wrongType(name, "a string", node);
        }
        if (node.asText().isBlank()) {
            throw new JsonlReader.LineException("field \"" + name + "\" must not be empty");
        }
        return node.asText();
    }

    /** An optional string; {@code fallback} when absent. */
    String optionalText(String name, String fallback) {
        JsonNode node = object.get(name);
        if (node == null) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw wrongType(name, "a string", node);
        }
        return node.asText();
    }

    /** A required array of non-blank strings. */
    List<String> texts(String name) {
        return strings(name, required(name));
    }

    /** An optional array of non-blank strings; empty when absent. */
    List<String> optionalTexts(String name) {
        JsonNode node = object.get(name);
        return node == null ? List.of() : strings(name, node);
    }

    /** A required whole number. */
    int integer(String name) {
        JsonNode node = required(name);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrongType(name, "a whole number", node);
        }
        return node.asInt();
    }

    private List<String> strings(String name, JsonNode node) {
        if (!node.isArray()) {
            throw wrongType(name, "an array of strings", node);
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (!element.isTextual() || element.asText().isBlank()) {
                throw new JsonlReader.LineException("field \"" + name + "\" must hold non-empty strings, but item "
                        + i + " is " + (element.isTextual() ? "empty" : JsonlReader.describe(element)));
            }
            values.add(element.asText());
        }
        return values;
    }

    private JsonNode required(String name) {
        JsonNode node = object.get(name);
        if (node == null) {
            throw new JsonlReader.LineException("missing field \"" + name + "\"");
        }
        return node;
    }

    private static JsonlReader.LineException wrongType(String name, String expected, JsonNode found) {
        return new JsonlReader.LineException("field \"" + name + "\" must be " + expected + ", found "
                + JsonlReader.describe(found));
    }
}
