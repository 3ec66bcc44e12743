package dev.aft.dataset.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An experiment: a dataset and the plan the other services act on. */
@Entity
@Table(name = "experiment")
public class ExperimentEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(length = 200)
    public String name;

    @Column(nullable = false)
    public String datasetId;

    /** The plan as contract JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String plan;

    @Column(nullable = false)
    public Instant createdAt;
}
