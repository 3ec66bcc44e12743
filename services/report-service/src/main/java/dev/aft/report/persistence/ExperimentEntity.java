package dev.aft.report.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An experiment as the read model knows it: created by its first event of any topic; the {@code DatasetCreated}
 * event (with the plan) once it has arrived; the last {@code ExperimentReported} seen on {@code aft.reports}.
 */
@Entity
@Table(name = "experiment")
public class ExperimentEntity extends PanacheEntityBase {

    @Id
    @Column(length = 200)
    public String id;

    /** The encoded {@code DatasetCreated} event; null until it arrives. */
    @Column(columnDefinition = "text")
    public String datasetEvent;

    /** {@code occurredAt} of {@code DatasetCreated}: the start of the completion deadline. */
    public Instant createdAt;

    /** The earliest {@code occurredAt} of any event of the experiment. */
    @Column(name = "first_event_at", nullable = false)
    public Instant firstEventAt;

    @Column(name = "last_event_at", nullable = false)
    public Instant lastEventAt;

    /** {@code occurredAt} of the latest {@code ExperimentReported} read back from {@code aft.reports}. */
    public Instant reportedAt;
}
