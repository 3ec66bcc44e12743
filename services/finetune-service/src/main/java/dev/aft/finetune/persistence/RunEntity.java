package dev.aft.finetune.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One training run: one condition of one dataset. Its id is derived from the dataset id and the condition, so a
 * redelivered event finds the run it created. The backend's file and job ids are stored as soon as they exist.
 */
@Entity
@Table(name = "training_run")
public class RunEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String experimentId;

    @Column(nullable = false)
    public String datasetId;

    @Column(nullable = false, length = 30)
    public String condition;

    /** The event that created the run (the events it emits name it as their cause). */
    @Column(nullable = false)
    public UUID causationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public RunState state;

    @Column(nullable = false)
    public String baseModel;

    /** The hyperparameters sent to the backend (contract JSON), set when the training set is assembled. */
    @Column(columnDefinition = "text")
    public String hyperparameters;

    /** {@code TrainingSetSummary} (contract JSON), set when the training set is assembled. */
    @Column(columnDefinition = "text")
    public String trainingSet;

    public String fileId;

    public String jobId;

    public String modelId;

    /** {@code [[step, loss], ...]} from the job's metrics events. */
    @Column(columnDefinition = "text")
    public String lossCurve;

    public Double finalLoss;

    public Long tokens;

    public Long durationMillis;

    @Column(columnDefinition = "text")
    public String error;

    @Column(nullable = false)
    public Instant createdAt;

    public Instant startedAt;

    public Instant finishedAt;
}
