package dev.aft.augment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.UUID;

/**
 * One model output: prompt {@code promptId}, sample {@code sample}, its raw text and what post-processing made of
 * it. Stored in the same transaction as its statements, once per (run, prompt, sample): a resumed run skips it.
 * An output of a prompt that cannot fit the model's context has {@code overContext} set and no text.
 */
@Entity
@Table(name = "augmentation_output",
        uniqueConstraints = @UniqueConstraint(name = "augmentation_output_once", columnNames = {"runId", "promptId", "sample"}))
public class OutputEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String runId;

    @Column(nullable = false)
    public String promptId;

    @Column(nullable = false)
    public int sample;

    @Column(columnDefinition = "text")
    public String text;

    @Column(nullable = false)
    public boolean overContext;

    @Column(nullable = false)
    public int candidates;

    @Column(nullable = false)
    public int droppedEcho;

    @Column(nullable = false)
    public int droppedNotStatement;

    @Column(nullable = false)
    public int droppedDuplicateOfSource;

    @Column(nullable = false)
    public int droppedDuplicate;

    @Column(nullable = false)
    public int kept;

    /** Global prompts: documents besides the focus in the prompt's context. */
    public Integer contextDocuments;

    /** Global prompts whose context had to be chosen: the chosen document ids as a JSON array. */
    @Column(columnDefinition = "text")
    public String contextDocumentIds;

    @Column(nullable = false)
    public Instant createdAt;
}
