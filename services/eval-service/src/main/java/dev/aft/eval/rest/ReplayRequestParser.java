package dev.aft.eval.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.contracts.plan.Condition;
import dev.aft.eval.domain.ReplayRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads {@code POST /replays}: {@code {"replayId"?, "experimentId"?, "from"?, "to"?, "conditions"?}}; at least
 * an experiment or a time bound, instants in ISO-8601, {@code from} before {@code to}, known conditions.
 */
final class ReplayRequestParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("replayId", "experimentId", "from", "to", "conditions");

    private ReplayRequestParser() {
    }

    static ReplayRequest parse(byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidRequestException(null, "the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidRequestException(null, "the body cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException(null, "the body must be a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidRequestException(name, "unknown field (known: replayId, experimentId, from, to, conditions)");
            }
        }
        String replayId = text(root, "replayId");
        if (replayId != null && (replayId.isBlank() || replayId.length() > 200)) {
            throw new InvalidRequestException("replayId", "must be 1 to 200 characters");
        }
        String experimentId = text(root, "experimentId");
        Instant from = instant(root, "from");
        Instant to = instant(root, "to");
        if (experimentId == null && from == null && to == null) {
            throw new InvalidRequestException("experimentId", "name an experiment, or a time range with from and/or to");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRequestException("to", "must be after from (" + from + ")");
        }
        return new ReplayRequest(replayId, experimentId, from, to, conditions(root));
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidRequestException(field, "must be a string");
        }
        return node.asText();
    }

    private static Instant instant(JsonNode root, String field) {
        String text = text(root, field);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "'" + text + "' is not an ISO-8601 instant (e.g. 2026-11-23T10:15:30Z)");
        }
    }

    private static Set<Condition> conditions(JsonNode root) {
        JsonNode node = root.get("conditions");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new InvalidRequestException("conditions", "must be a non-empty array of condition names");
        }
        Set<Condition> conditions = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            try {
                conditions.add(Condition.of(node.get(i).asText()));
            } catch (RuntimeException e) {
                throw new InvalidRequestException("conditions[" + i + "]", "unknown condition '" + node.get(i).asText()
                        + "' (known: pretrained, icl, ft, ft+local, ft+global, ft+local+global)");
            }
        }
        return conditions;
    }
}
