package dev.aft.augment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One augmentation run: one strategy of one {@code DatasetCreated}. Its id is derived from the event id and the
 * strategy, so a redelivered event finds the run it already made.
 */
@Entity
@Table(name = "augmentation_run", indexes = {
        @Index(name = "augmentation_run_experiment", columnList = "experimentId"),
        @Index(name = "augmentation_run_state", columnList = "state")})
public class RunEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String experimentId;

    @Column(nullable = false)
    public String datasetId;

    /** The {@code DatasetCreated} event that asked for this run. */
    @Column(nullable = false)
    public UUID sourceEventId;

    /** The whole {@code DatasetCreated} envelope as contract JSON (spec, plan, content links). */
    @Column(nullable = false, columnDefinition = "text")
    public String sourceEvent;

    /** {@code local} or {@code global}. */
    @Column(nullable = false)
    public String strategy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RunState state;

    @Column(nullable = false)
    public String backend;

    @Column(nullable = false)
    public String model;

    @Column(nullable = false)
    public Instant createdAt;

    public Instant startedAt;

    /** Worker sessions started on this run (the first one and every resume). */
    @Column(nullable = false)
    public int attempts;

    public Instant finishedAt;

    @Column(columnDefinition = "text")
    public String failureReason;

    /** Tokens the backend reported for this run (calibration included). */
    @Column(nullable = false)
    public long promptTokens;

    @Column(nullable = false)
    public long completionTokens;

    /** Time spent working on the run, summed over worker sessions (a restart's downtime excluded). */
    @Column(nullable = false)
    public long activeMillis;

    /** Outputs the run will write: prompts x samples (known once the prompts are built). */
    public Integer plannedOutputs;

    public Integer prompts;

    /** The model's context length (from the backend, or the configured default). */
    public Integer contextLength;

    /** Calibrated prompt tokens per UTF-8 byte (global runs), kept so a resumed run builds the same prompts. */
    public Double tokensPerByte;

    /** Where the tokens-per-byte figure came from: {@code usage} (the backend's count) or {@code default}. */
    public String tokensPerByteSource;

    public Instant lastProgressAt;

    /** Final report, set on completion: the counts as JSON. */
    @Column(columnDefinition = "text")
    public String counts;

    /** Ground-truth note: what precision and coverage mean here, or why there are none. */
    @Column(columnDefinition = "text")
    public String groundTruth;

    @Column(name = "precision_in_world")
    public Double precision;

    public Double coverage;

    @Column(length = 64)
    public String contentSha256;

    public Long contentBytes;
}
