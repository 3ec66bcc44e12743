package dev.aft.augment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A run's input: the dataset's documents JSONL as fetched (and checked against the event's sha256) when the
 * run first started, so a resumed run reads the same documents without the dataset-service.
 */
@Entity
@Table(name = "augmentation_input")
public class InputEntity extends PanacheEntityBase {

    @Id
    public String runId;

    @Column(nullable = false)
    public byte[] documents;
}
