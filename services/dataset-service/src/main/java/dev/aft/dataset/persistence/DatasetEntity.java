package dev.aft.dataset.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A dataset's metadata; its content lives in {@link DatasetContentEntity}. */
@Entity
@Table(name = "dataset")
public class DatasetEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String experimentId;

    @Column(nullable = false)
    public String family;

    /** The generator spec as contract JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String spec;

    @Column(nullable = false)
    public int documents;

    /** Test items per split as a JSON object. */
    @Column(nullable = false, columnDefinition = "text")
    public String testsPerSplit;

    @Column(nullable = false, length = 64)
    public String documentsSha256;

    @Column(nullable = false)
    public long documentsBytes;

    @Column(nullable = false, length = 64)
    public String testsSha256;

    @Column(nullable = false)
    public long testsBytes;

    @Column(nullable = false)
    public Instant createdAt;
}
