package dev.aft.model.files;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.aft.model.persistence.FileEntity;

/** OpenAI's {@code file} object. */
public record FileView(String id, String object, long bytes, @JsonProperty("created_at") long createdAt,
        String filename, String purpose, String status, @JsonProperty("status_details") String statusDetails) {

    public static FileView of(FileEntity file) {
        return new FileView(file.id, "file", file.bytes, file.createdAt, file.filename, file.purpose, "processed",
                null);
    }
}
