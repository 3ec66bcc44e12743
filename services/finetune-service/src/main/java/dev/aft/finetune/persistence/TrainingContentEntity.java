package dev.aft.finetune.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A run's training set: exactly the {@code training.jsonl} bytes uploaded and covered by the event's sha256. */
@Entity
@Table(name = "training_content")
public class TrainingContentEntity extends PanacheEntityBase {

    @Id
    public UUID runId;

    @Column(nullable = false)
    public byte[] content;
}
