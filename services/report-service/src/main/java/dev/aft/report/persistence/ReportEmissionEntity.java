package dev.aft.report.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An {@code ExperimentReported} this service put into its outbox: at most one per experiment and kind
 * ({@code complete}: every expected stage has a result; {@code deadline}: reported with missing stages).
 * This is what the service produced, not part of the read model: a rebuild keeps it, so it never reports twice.
 */
@Entity
@Table(name = "report_emission")
public class ReportEmissionEntity extends PanacheEntityBase {

    /** {@code <experimentId>/<kind>}. */
    @Id
    @Column(length = 250)
    public String id;

    @Column(name = "experiment_id", nullable = false, length = 200)
    public String experimentId;

    @Column(nullable = false, length = 20)
    public String kind;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "emitted_at", nullable = false)
    public Instant emittedAt;
}
