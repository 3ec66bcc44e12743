package dev.aft.augment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event this service has acted on, written in the same transaction as its effect: redelivery changes nothing. */
@Entity
@Table(name = "processed_event")
public class ProcessedEventEntity extends PanacheEntityBase {

    @Id
    public UUID eventId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public Instant processedAt;
}
