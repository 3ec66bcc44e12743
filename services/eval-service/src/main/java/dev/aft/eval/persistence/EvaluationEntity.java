package dev.aft.eval.persistence;

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
 * One model scored on one dataset's tests under one condition. The id is derived from the causing event and
 * the condition (and the replay), so a redelivered event finds its row instead of making another.
 */
@Entity
@Table(name = "evaluation", indexes = {
        @Index(name = "evaluation_experiment", columnList = "experimentId, createdAt"),
        @Index(name = "evaluation_state", columnList = "state, createdAt"),
        @Index(name = "evaluation_replay", columnList = "replayOf")})
public class EvaluationEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String experimentId;

    @Column(nullable = false)
    public String datasetId;

    /** The condition's wire name ({@code pretrained}, {@code icl}, {@code ft}, ...). */
    @Column(nullable = false, length = 40)
    public String condition;

    @Column(nullable = false, length = 500)
    public String modelId;

    /** The event that caused this evaluation ({@code DatasetCreated} or {@code ModelTrained}). */
    @Column(nullable = false)
    public UUID causationId;

    /** The replay that re-read the causing event, for a re-evaluation; null for a live one. */
    @Column(length = 200)
    public String replayOf;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public EvaluationState state;

    /** How many times a worker started it (more than one after a restart mid-evaluation). */
    @Column(nullable = false)
    public int attempts;

    @Column(nullable = false)
    public Instant createdAt;

    public Instant startedAt;

    public Instant finishedAt;

    /** Scoring time of the last attempt. */
    public Long durationMillis;

    public Integer items;

    /** Prompt tokens of the scoring requests, as the backend reported them: the cost of the condition. */
    public Long promptTokens;

    /** In context: documents and tokens the context held (means over items when retrieved per item). */
    public Integer contextDocuments;

    public Integer contextTokens;

    /** In context: {@code all}, {@code subsample} or {@code retrieve}. */
    @Column(length = 20)
    public String contextSelection;

    /** The metrics as contract JSON (a list of {@code SplitMetrics}). */
    @Column(columnDefinition = "text")
    public String metrics;

    @Column(length = 64)
    public String itemsSha256;

    public Long itemsBytes;

    /** Why it failed ({@code EvaluationFailed.reason}). */
    @Column(columnDefinition = "text")
    public String error;
}
