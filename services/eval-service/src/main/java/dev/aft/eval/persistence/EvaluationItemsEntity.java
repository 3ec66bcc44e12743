package dev.aft.eval.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An evaluation's per-item scores: exactly the {@code items.jsonl} bytes that the event's sha256 covers. */
@Entity
@Table(name = "evaluation_items")
public class EvaluationItemsEntity extends PanacheEntityBase {

    @Id
    public UUID evaluationId;

    @Column(nullable = false)
    public byte[] content;
}
