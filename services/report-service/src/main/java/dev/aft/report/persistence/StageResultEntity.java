package dev.aft.report.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The outcome event of one stage of an experiment ({@code augmentation:local}, {@code training:ft},
 * {@code evaluation:icl}, ...): the event itself, encoded, so the report reads exactly what was published.
 */
@Entity
@Table(name = "stage_result", indexes = @Index(name = "stage_result_experiment", columnList = "experimentId"))
public class StageResultEntity extends PanacheEntityBase {

    /** {@code <experimentId>/<stage key>}. */
    @Id
    @Column(length = 300)
    public String id;

    @Column(nullable = false, length = 200)
    public String experimentId;

    @Column(nullable = false, length = 60)
    public String stageKey;

    /** {@code completed} or {@code failed}. */
    @Column(nullable = false, length = 20)
    public String outcome;

    @Column(nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public Instant occurredAt;

    @Column(nullable = false, columnDefinition = "text")
    public String event;
}
