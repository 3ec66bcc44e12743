package dev.aft.eval.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A dataset this service learned of from {@code DatasetCreated}: where its tests and documents are (claim
 * checks) and the experiment's plan (model, backend, icl options). Fine-tuned models are scored on its tests.
 */
@Entity
@Table(name = "dataset")
public class DatasetEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String experimentId;

    @Column(nullable = false)
    public UUID eventId;

    /** The plan as contract JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String plan;

    /** The tests' {@code ContentLink} as contract JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String testsContent;

    /** The documents' {@code ContentLink} as contract JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String documentsContent;

    @Column(nullable = false)
    public Instant occurredAt;
}
