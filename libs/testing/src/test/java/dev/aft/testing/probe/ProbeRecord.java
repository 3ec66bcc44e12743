package dev.aft.testing.probe;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A small entity that the persistence test writes and reads back through Hibernate Reactive. */
@Entity
@Table(name = "probe_record")
public class ProbeRecord {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String experimentId;

    @Column(nullable = false, length = 4000)
    public String note;

    @Column(nullable = false)
    public Instant recordedAt;

    public static ProbeRecord of(String experimentId, String note, Instant recordedAt) {
        ProbeRecord record = new ProbeRecord();
        record.id = UUID.randomUUID();
        record.experimentId = experimentId;
        record.note = note;
        record.recordedAt = recordedAt;
        return record;
    }
}
