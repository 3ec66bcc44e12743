package dev.aft.augment.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Writes statements as JSONL (UTF-8, one object per line, {@code \n} after each) and hashes content. */
public final class StatementsJsonl {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatementsJsonl() {
    }

    public static byte[] write(List<StatementLine> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (StatementLine line : lines) {
            try {
                out.writeBytes(JSON.writeValueAsBytes(line));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write statement " + line.id(), e);
            }
            out.write('\n');
        }
        return out.toByteArray();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON text of a list of strings (for columns holding id lists). */
    public static String jsonArray(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON text of a map (for columns holding counts). */
    public static String jsonMap(java.util.Map<String, ?> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static java.util.Map<String, Integer> readCounts(String json) {
        try {
            return JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Integer>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a JSON object of counts: " + json, e);
        }
    }

    public static List<String> readArray(String json) {
        try {
            return List.of(JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a JSON array of strings: " + json, e);
        }
    }
}
