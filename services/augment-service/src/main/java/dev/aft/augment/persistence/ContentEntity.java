package dev.aft.augment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A completed run's statements JSONL: exactly the bytes served and covered by the event's sha256. */
@Entity
@Table(name = "augmentation_content")
public class ContentEntity extends PanacheEntityBase {

    @Id
    public String runId;

    @Column(nullable = false)
    public byte[] content;
}
