package dev.aft.dataset.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A dataset's JSONL content (documents or tests), exactly the bytes the event's sha256 covers. */
@Entity
@Table(name = "dataset_content")
public class DatasetContentEntity extends PanacheEntityBase {

    public static final String DOCUMENTS = "documents";
    public static final String TESTS = "tests";

    /** {@code <datasetId>/<kind>}. */
    @Id
    public String id;

    @Column(nullable = false)
    public byte[] content;

    public static String id(String datasetId, String kind) {
        return datasetId + "/" + kind;
    }
}
