package dev.aft.model.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One event of a job (a message, or training metrics); {@code position} orders them. */
@Entity
@Table(name = "fine_tuning_event", indexes = @Index(name = "fine_tuning_event_job", columnList = "jobId, position"))
public class JobEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "fine_tuning_event_position")
    @SequenceGenerator(name = "fine_tuning_event_position", sequenceName = "fine_tuning_event_position_seq",
            allocationSize = 1)
    public Long position;

    @Column(nullable = false)
    public String jobId;

    /** Epoch seconds. */
    @Column(nullable = false)
    public long createdAt;

    /** {@code info}, {@code warn} or {@code error}. */
    @Column(nullable = false, length = 8)
    public String level;

    /** {@code message} or {@code metrics}. */
    @Column(nullable = false, length = 16)
    public String type;

    @Column(nullable = false, columnDefinition = "text")
    public String message;

    /** The metrics as a JSON object, or null. */
    @Column(columnDefinition = "text")
    public String data;

    public String externalId() {
        return "ftevent-" + position;
    }
}
