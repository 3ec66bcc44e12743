package dev.aft.augment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.UUID;

/**
 * A kept statement with its provenance. {@code position} orders a run's statements; the normalized text is
 * unique per run, so no statement is stored twice, not even across a restart.
 */
@Entity
@Table(name = "augmentation_statement", uniqueConstraints = {
        @UniqueConstraint(name = "augmentation_statement_position", columnNames = {"runId", "position"}),
        @UniqueConstraint(name = "augmentation_statement_once", columnNames = {"runId", "normalized"})})
public class StatementEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String runId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    @Column(nullable = false, columnDefinition = "text")
    public String normalized;

    /** The source documents as a JSON array. */
    @Column(nullable = false, columnDefinition = "text")
    public String documentIds;

    public Integer sentenceIndex;

    @Column(nullable = false)
    public String promptId;

    @Column(nullable = false)
    public int sample;

    /** Whether the generated world confirms it; null without ground truth. */
    public Boolean trueInWorld;
}
