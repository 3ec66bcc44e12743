package dev.aft.finetune.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A dataset from {@code DatasetCreated}: its experiment, plan and documents link (contract JSON). */
@Entity
@Table(name = "dataset")
public class DatasetEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String experimentId;

    @Column(nullable = false)
    public UUID eventId;

    @Column(nullable = false, columnDefinition = "text")
    public String plan;

    @Column(nullable = false, columnDefinition = "text")
    public String documentsContent;
}
