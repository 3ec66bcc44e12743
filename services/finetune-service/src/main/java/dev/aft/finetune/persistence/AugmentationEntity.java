package dev.aft.finetune.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An augmentation from {@code AugmentationCompleted}, kept even before its dataset is known. */
@Entity
@Table(name = "augmentation")
public class AugmentationEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String datasetId;

    @Column(nullable = false)
    public String experimentId;

    /** {@code local} or {@code global}. */
    @Column(nullable = false, length = 20)
    public String strategy;

    @Column(nullable = false)
    public UUID eventId;

    @Column(nullable = false, columnDefinition = "text")
    public String statementsContent;
}
