package dev.aft.eval.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A re-evaluation: which events to re-read ({@code experimentId} and/or an {@code occurredAt} range, optional
 * conditions) and how far reading got. Its evaluations carry {@code replayOf = id}.
 */
@Entity
@Table(name = "replay")
public class ReplayEntity extends PanacheEntityBase {

    public static final String READING = "reading";
    public static final String READ = "read";
    public static final String FAILED = "failed";

    /** The client's idempotency key (or a generated one). */
    @Id
    @Column(length = 200)
    public String id;

    public String experimentId;

    public Instant fromTime;

    public Instant toTime;

    /** Condition wire names, comma-separated; null for every condition. */
    @Column(length = 300)
    public String conditions;

    /** {@code reading} the log, {@code read} (every evaluation created), or {@code failed}. */
    @Column(nullable = false, length = 20)
    public String state;

    /** Records read so far, and those that matched and led to evaluations. */
    @Column(nullable = false)
    public long recordsRead;

    @Column(nullable = false)
    public long eventsMatched;

    @Column(nullable = false)
    public Instant createdAt;

    public Instant finishedAt;

    @Column(columnDefinition = "text")
    public String error;
}
