package dev.aft.reference.pretraining;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aft.reference.curriculum.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A curriculum's stages as JSON ({@code pretrain.sh --stages FILE}): an array of objects with {@link Stage}'s
 * fields, {@code mix} an object of the shares ({@link dev.aft.reference.curriculum.Curriculum.Mix}). Unknown
 * fields are refused, so a typo cannot silently fall back to a default.
 */
final class Stages {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private Stages() {
    }

    /** @throws IllegalArgumentException the file is missing, is not such an array, or a stage is inconsistent */
    static List<Stage> read(Path file) {
        try {
            List<Stage> stages = JSON.readValue(Files.readString(file), new TypeReference<List<Stage>>() {
            });
            if (stages == null || stages.isEmpty()) {
                throw new IllegalArgumentException("--stages " + file + " holds no stage");
            }
            return List.copyOf(stages);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException("--stages " + file + ": " + cause.getMessage(), e);
        }
    }

    /** A short fingerprint of the stages (for the work folder's record of the run's settings). */
    static String describe(List<Stage> stages) {
        try {
            byte[] json = JSON.writeValueAsString(stages).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
