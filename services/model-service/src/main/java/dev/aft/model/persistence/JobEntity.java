package dev.aft.model.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** A fine-tuning job: what was asked, where it stands, and what it produced. */
@Entity
@Table(name = "fine_tuning_job", indexes = @Index(name = "fine_tuning_job_status", columnList = "status, createdTime"))
public class JobEntity {

    @Id
    public String id;

    /** The base model's id. */
    @Column(nullable = false)
    public String model;

    @Column(nullable = false)
    public String trainingFile;

    public String suffix;

    @Column(nullable = false)
    public long seed;

    /** One of {@link JobStatus}'s wire names. */
    @Column(nullable = false, length = 32)
    public String status;

    /** Epoch seconds, like the other times. */
    @Column(nullable = false)
    public long createdAt;

    /** When the job was created, to the microsecond: orders jobs created within one second. */
    @Column(nullable = false)
    public Instant createdTime;

    public Long startedAt;

    public Long finishedAt;

    public String fineTunedModel;

    public Long trainedTokens;

    /** Resolved training settings as JSON ({@code dev.aft.model.finetune.JobSettings}). */
    @Column(nullable = false, columnDefinition = "text")
    public String settings;

    /** How many times training started (more than one after a restart). */
    @Column(nullable = false)
    public int attempts;

    public String errorCode;

    @Column(columnDefinition = "text")
    public String errorMessage;

    public String errorParam;

    public JobStatus status() {
        return JobStatus.of(status);
    }
}
