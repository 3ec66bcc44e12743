package dev.aft.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An event written in the same transaction as the change it announces, and relayed to Kafka afterwards.
 * {@code position} orders the relay; {@code publishedAt} is set once the broker acknowledged the record.
 */
@Entity
@Table(name = "outbox_event", indexes = @Index(name = "outbox_unpublished", columnList = "publishedAt, position"))
public class OutboxEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_position")
    @SequenceGenerator(name = "outbox_position", sequenceName = "outbox_position_seq", allocationSize = 1)
    public Long position;

    @Column(nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    /** The Kafka key: the experiment id. */
    @Column(nullable = false)
    public String messageKey;

    /** The encoded event (contract JSON). */
    @Column(nullable = false)
    public byte[] payload;

    @Column(nullable = false)
    public Instant createdAt;

    public Instant publishedAt;
}
