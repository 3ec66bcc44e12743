package dev.aft.model.files;

import dev.aft.model.api.OpenAiException;
import dev.aft.model.config.ModelServiceConfig;
import dev.aft.model.persistence.FileEntity;
import dev.aft.model.persistence.JobStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Uploaded fine-tuning files: validated line by line, stored as {@code <home>/files/<id>.jsonl}, described in
 * the database.
 */
@ApplicationScoped
public class FileService {

    public static final String FINE_TUNE = "fine-tune";

    private final ModelServiceConfig config;
    private final JobStore store;

    public FileService(ModelServiceConfig config, JobStore store) {
        this.config = config;
        this.store = store;
    }

    public Path folder() {
        return config.home().resolve("files").toAbsolutePath().normalize();
    }

    public Path path(String id) {
        return folder().resolve(id + ".jsonl");
    }

    /** Validates and stores an upload (blocking: reads the file). */
    public Uni<FileEntity> upload(Path upload, String filename, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw OpenAiException.invalid("purpose", "Missing required parameter: 'purpose'.");
        }
        if (!FINE_TUNE.equals(purpose)) {
            throw OpenAiException.invalid("purpose", "Invalid 'purpose': '" + purpose + "'; this server accepts only"
                    + " '" + FINE_TUNE + "' files.");
        }
        if (upload == null) {
            throw OpenAiException.invalid("file", "Missing required parameter: 'file'.");
        }
        byte[] bytes;
        try {
            long size = Files.size(upload);
            long limit = config.limits().maxFileBytes();
            if (size > limit) {
                throw new OpenAiException(413, OpenAiException.INVALID_REQUEST, "file", "file_too_large",
                        "The file is " + size + " bytes; this server accepts files of at most " + limit
                                + " bytes (aft.model.limits.max-file-bytes).");
            }
            bytes = Files.readAllBytes(upload);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the upload " + upload, e);
        }
        List<TrainingRecord> records;
        try {
            records = TrainingFileParser.parse(bytes);
        } catch (TrainingFileParser.InvalidTrainingFile e) {
            throw OpenAiException.invalid("file", "invalid_file_format", "Invalid file format for fine-tuning: "
                    + e.getMessage() + ". Each line must be a JSON object with \"prompt\" and \"completion\""
                    + " strings, \"messages\" (role and content), or \"text\".");
        }
        Set<String> formats = new LinkedHashSet<>();
        records.forEach(record -> formats.add(record.format()));

        FileEntity file = new FileEntity();
        file.id = "file-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        file.filename = filename == null || filename.isBlank() ? "upload.jsonl" : filename;
        file.purpose = purpose;
        file.bytes = bytes.length;
        file.createdAt = store.now();
        file.examples = records.size();
        file.formats = String.join(",", formats);
        write(path(file.id), bytes);
        return store.saveFile(file);
    }

    public Uni<FileEntity> require(String id) {
        return store.file(id).onItem().ifNull().failWith(() -> OpenAiException.notFound("file_id",
                "No such File object: " + id));
    }

    public Uni<List<FileEntity>> list(String purpose) {
        return store.files(purpose);
    }

    /** The training examples of a stored file. */
    public List<TrainingRecord> records(String id) {
        try {
            return TrainingFileParser.parse(Files.readAllBytes(path(id)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path(id), e);
        }
    }

    private static void write(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + target, e);
        }
    }
}
