package dev.aft.contracts.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.contracts.ContractViolation;
import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.EventPayload;
import dev.aft.contracts.EventType;
import dev.aft.contracts.InvalidEventException;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Encodes events to JSON and decodes them with validation. Decoding never returns a half-valid event: it either
 * returns an envelope whose records passed all their checks, or throws {@link InvalidEventException} naming the
 * field (for example {@code payload.plan.finetune.hyperparameters.steps: is required}).
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = ContractJson.shared();

    private EventCodec() {
    }

    public static byte[] encode(EventEnvelope<?> event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event.type() + " " + event.id(), e);
        }
    }

    public static String encodeToString(EventEnvelope<?> event) {
        return new String(encode(event), StandardCharsets.UTF_8);
    }

    public static EventEnvelope<?> decode(String json) {
        return decode(json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    public static EventEnvelope<?> decode(byte[] json) {
        if (json == null || json.length == 0) {
            throw new InvalidEventException("", "empty message: an event must be a JSON object", null);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new InvalidEventException("", "malformed JSON: " + ContractJson.firstLine(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidEventException("", "an event must be a JSON object", null);
        }
        EventType type = eventType(root);
        checkSchemaVersion(root, type);
        for (RecordComponent component : EventEnvelope.class.getRecordComponents()) {
            if (!component.getName().equals("payload")) {
                JsonNode child = root.get(component.getName());
                if ((child == null || child.isNull())
                        && !component.isAnnotationPresent(dev.aft.contracts.OptionalField.class)) {
                    throw new InvalidEventException(component.getName(), "is required", null);
                }
            }
        }
        JsonNode payloadNode = root.get("payload");
        if (payloadNode == null || payloadNode.isNull()) {
            throw new InvalidEventException("payload", "is required", null);
        }
        EventPayload payload = ContractJson.read(payloadNode, type.payloadType(), "payload");
        try {
            return new EventEnvelope<>(
                    bind(root.get("id"), UUID.class, "id"),
                    type.wireName(),
                    type.schemaVersion(),
                    bind(root.get("experimentId"), String.class, "experimentId"),
                    root.hasNonNull("causationId") ? bind(root.get("causationId"), UUID.class, "causationId") : null,
                    bind(root.get("occurredAt"), Instant.class, "occurredAt"),
                    bind(root.get("producer"), String.class, "producer"),
                    payload);
        } catch (ContractViolation e) {
            throw new InvalidEventException(e.field(), e.problem(), e);
        }
    }

    /** Decodes and narrows to one payload type, rejecting any other event type. */
    public static <P extends EventPayload> EventEnvelope<P> decode(byte[] json, Class<P> payloadType) {
        EventEnvelope<?> event = decode(json);
        if (!payloadType.isInstance(event.payload())) {
            throw new InvalidEventException("type",
                    "expected " + EventType.of(payloadType).wireName() + ", got " + event.type(), null);
        }
        @SuppressWarnings("unchecked")
        EventEnvelope<P> narrowed = (EventEnvelope<P>) event;
        return narrowed;
    }

    private static EventType eventType(JsonNode root) {
        JsonNode type = root.get("type");
        if (type == null || type.isNull()) {
            throw new InvalidEventException("type", "is required", null);
        }
        if (!type.isTextual()) {
            throw new InvalidEventException("type", "must be a string", null);
        }
        return EventType.byWireName(type.asText()).orElseThrow(() -> new InvalidEventException("type",
                "unknown event type '" + type.asText() + "' (known: "
                        + Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.joining(", "))
                        + ")",
                null));
    }

    private static void checkSchemaVersion(JsonNode root, EventType type) {
        JsonNode version = root.get("schemaVersion");
        if (version == null || version.isNull()) {
            throw new InvalidEventException("schemaVersion", "is required", null);
        }
        if (!version.isIntegralNumber()) {
            throw new InvalidEventException("schemaVersion", "must be an integer, was " + version, null);
        }
        if (version.asLong() != type.schemaVersion()) {
            throw new InvalidEventException("schemaVersion", type.wireName() + " version " + version.asText()
                    + " is not supported (this build reads version " + type.schemaVersion() + ")", null);
        }
    }

    private static <T> T bind(JsonNode node, Class<T> type, String path) {
        return ContractJson.bind(node, type, path);
    }
}
