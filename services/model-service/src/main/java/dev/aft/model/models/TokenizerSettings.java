package dev.aft.model.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code tokenizer_config.json} says about how text becomes a model's input: whether a BOS token starts
 * every text (as Hugging Face's Llama tokenizer does with {@code add_bos_token}), the special tokens' text and
 * the chat template. All absent when the folder has no such file.
 */
public record TokenizerSettings(boolean addBosToken, Optional<String> bosToken, Optional<String> eosToken,
        Optional<String> chatTemplate) {

    public static final String FILE_NAME = "tokenizer_config.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static TokenizerSettings none() {
        return new TokenizerSettings(false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Reads the first folder that has a {@code tokenizer_config.json}. */
    public static TokenizerSettings read(Path... folders) {
        for (Path folder : folders) {
            Path file = folder == null ? null : folder.resolve(FILE_NAME);
            if (file != null && Files.isRegularFile(file)) {
                try {
                    JsonNode root = JSON.readTree(file.toFile());
                    return new TokenizerSettings(root.path("add_bos_token").asBoolean(false), text(root, "bos_token"),
                            text(root, "eos_token"), text(root, "chat_template"));
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot parse " + file + ": " + e.getMessage(), e);
                }
            }
        }
        return none();
    }

    private static Optional<String> text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value != null && value.isObject()) {
            value = value.get("content");
        }
        return value == null || !value.isTextual() ? Optional.empty() : Optional.of(value.asText());
    }
}
