package dev.aft.contracts.serde;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.aft.contracts.ContractViolation;
import dev.aft.contracts.InvalidEventException;

/**
 * The JSON settings of the wire format: ISO-8601 instants, map keys in sorted order and absent optional fields
 * left out (so encoding is byte-stable), unknown fields ignored (so older readers accept newer writers).
 */
public final class ContractJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ContractJson() {
    }

    /** A copy of the contract's mapper, for services that embed contract records in their own JSON. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    static ObjectMapper shared() {
        return MAPPER;
    }

    /**
     * Reads a contract record (a plan, say, inside a REST request) with the same checks as event decoding: every
     * required field present, values of the right kind, record invariants. Failures throw
     * {@link InvalidEventException} naming the field path, prefixed with {@code path}.
     */
    public static <T> T read(JsonNode node, Class<T> type, String path) {
        if (node == null || node.isNull()) {
            throw new InvalidEventException(path, "is required", null);
        }
        RequiredFields.check(node, type, path);
        return bind(node, type, path);
    }

    static <T> T bind(JsonNode node, Class<T> type, String path) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw translate(e, path);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(path, firstLine(e), e);
        }
    }

    private static InvalidEventException translate(JsonMappingException e, String prefix) {
        StringBuilder path = new StringBuilder(prefix);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ContractViolation violation) {
                String field = violation.field().isEmpty()
                        ? path.toString()
                        : RequiredFields.join(path.toString(), violation.field());
                return new InvalidEventException(field, violation.problem(), e);
            }
        }
        return new InvalidEventException(path.toString(), firstLine(e), e);
    }

    static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
