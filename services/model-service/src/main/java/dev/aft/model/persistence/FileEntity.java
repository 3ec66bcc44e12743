package dev.aft.model.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An uploaded file's metadata; the bytes live in {@code <home>/files/<id>.jsonl}. */
@Entity
@Table(name = "uploaded_file")
public class FileEntity {

    @Id
    public String id;

    @Column(nullable = false)
    public String filename;

    @Column(nullable = false)
    public String purpose;

    @Column(nullable = false)
    public long bytes;

    /** Epoch seconds. */
    @Column(nullable = false)
    public long createdAt;

    /** Training examples (non-blank lines) in the file. */
    @Column(nullable = false)
    public int examples;

    /** The example formats the file holds, comma-separated: {@code prompt_completion}, {@code messages}, {@code text}. */
    @Column(nullable = false)
    public String formats;
}
