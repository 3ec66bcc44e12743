package dev.aft.finetune.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event the consumers have acted on, written in the same transaction as the effect. */
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
