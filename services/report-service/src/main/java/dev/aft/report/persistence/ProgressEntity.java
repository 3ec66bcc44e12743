package dev.aft.report.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** The latest {@code StageProgressed} of one subject (an augmentation, a training run, an evaluation). */
@Entity
@Table(name = "stage_progress", indexes = @Index(name = "stage_progress_experiment", columnList = "experimentId"))
public class ProgressEntity extends PanacheEntityBase {

    /** {@code <experimentId>/<stage>/<subjectId>}. */
    @Id
    @Column(length = 500)
    public String id;

    @Column(nullable = false, length = 200)
    public String experimentId;

    @Column(nullable = false, length = 30)
    public String stage;

    @Column(nullable = false, length = 250)
    public String subjectId;

    public long done;

    public long total;

    @Column(columnDefinition = "text")
    public String message;

    @Column(nullable = false)
    public Instant occurredAt;
}
