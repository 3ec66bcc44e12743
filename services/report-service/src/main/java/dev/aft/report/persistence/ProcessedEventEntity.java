package dev.aft.report.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event the read model has applied, written in the same transaction as its effect. */
@Entity
@Table(name = "processed_event")
public class ProcessedEventEntity extends PanacheEntityBase {

    @Id
    public UUID eventId;

    @Column(nullable = false, length = 60)
    public String type;

    @Column(nullable = false)
    public Instant processedAt;
}
