package dev.aft.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON Lines with user-facing errors: every problem is an {@link IllegalArgumentException} whose
 * message starts with "line N:" (1-based). Blank lines are skipped; ids must be unique.
 */
final class JsonlReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Turns one line's JSON object into an item, or throws {@link LineException}. */
    interface LineParser<T> {
        T parse(Fields fields);
    }

    /** A problem with one line, before the line number is known. */
    static final class LineException extends RuntimeException {
        LineException(String message) {
            super(message);
        }
    }

    private JsonlReader() {
    }

    static <T> List<T> read(InputStream in, String kind, LineParser<T> parser) {
        List<T> items = new ArrayList<>();
        Map<String, Integer> firstLineOfId = new HashMap<>();
        List<byte[]> lines = splitLines(readAll(in));
        for (int index = 0; index < lines.size(); index++) {
            int number = index + 1;
            String text = decode(lines.get(index), number);
            if (index == 0 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                continue;
            }
            try {
                Fields fields = new Fields(object(text));
                T item = parser.parse(fields);
                String id = fields.id();
                Integer first = firstLineOfId.putIfAbsent(id, number);
                if (first != null) {
                    throw new LineException("duplicate id \"" + id + "\" (first used on line " + first + ")");
                }
                items.add(item);
            } catch (LineException | IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
            }
        }
        return items;
    }

    private static ObjectNode object(String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new LineException("not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new LineException("expected a JSON object, found " + describe(node));
        }
        return object;
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case NUMBER -> "a number";
            case OBJECT -> "an object";
            case STRING -> "a string";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<byte[]> splitLines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                if (i < bytes.length || end > start) {
                    ByteArrayOutputStream line = new ByteArrayOutputStream();
                    line.write(bytes, start, end - start);
                    lines.add(line.toByteArray());
                }
                start = i + 1;
            }
        }
        return lines;
    }

    private static String decode(byte[] line, int number) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("line " + number + ": not valid UTF-8 text");
        }
    }
}
