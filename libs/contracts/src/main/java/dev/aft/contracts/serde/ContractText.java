package dev.aft.contracts.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Contract records stored as JSON text columns, written and read with the contract's own mapper. */
public final class ContractText {

    private static final ObjectMapper JSON = ContractJson.mapper();

    private ContractText() {
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(String text, Class<T> type) {
        try {
            return ContractJson.read(JSON.readTree(text), type, "");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not JSON", e);
        }
    }

    public static <T> T read(String text, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored value is not JSON", e);
        }
    }
}
