package dev.aft.report.domain;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.contracts.events.ExperimentReported;
import dev.aft.contracts.events.StageProgressed;
import dev.aft.contracts.serde.EventCodec;
import dev.aft.report.persistence.ExperimentEntity;
import dev.aft.report.persistence.ProcessedEventEntity;
import dev.aft.report.persistence.ProgressEntity;
import dev.aft.report.persistence.StageResultEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;

/**
 * Applies events to the experiment read model, once per event id. Every rule is independent of the order in
 * which events arrive (topics are not ordered with each other, and a rebuild reads them in another order than
 * the live consumers did): a completed outcome beats a failed one, and among outcomes of the same kind the
 * earliest event wins; the latest progress of a subject wins.
 */
@ApplicationScoped
public class ReadModel {

    /** Orders outcomes of one stage: completed before failed, then earlier, then by event id. */
    static final Comparator<StageResultEntity> PRECEDENCE = Comparator
            .comparing((StageResultEntity r) -> StageKeys.COMPLETED.equals(r.outcome) ? 0 : 1)
            .thenComparing(r -> r.occurredAt)
            .thenComparing(r -> r.eventId);

    /** Applies {@code event} unless its id was applied before; yields whether it was new. */
    @WithTransaction
    public Uni<Boolean> apply(EventEnvelope<?> event) {
        return ProcessedEventEntity.<ProcessedEventEntity>findById(event.id()).chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().item(false);
            }
            ProcessedEventEntity processed = new ProcessedEventEntity();
            processed.eventId = event.id();
            processed.type = event.type();
            processed.processedAt = Instant.now();
            return processed.persist().chain(() -> experiment(event)).chain(() -> effect(event)).replaceWith(true);
        });
    }

    /** Empties the read model (not the record of reports this service emitted). */
    @WithTransaction
    public Uni<Void> clear() {
        return ProcessedEventEntity.deleteAll().chain(() -> StageResultEntity.deleteAll())
                .chain(() -> ProgressEntity.deleteAll()).chain(() -> ExperimentEntity.deleteAll()).replaceWithVoid();
    }

    /**
     * Creates the experiment's row if it is new (an insert that ignores a concurrent one: the first events of an
     * experiment arrive on several topics at once), then folds the event's facts into it.
     */
    private static Uni<Void> experiment(EventEnvelope<?> event) {
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into experiment"
                        + " (id, first_event_at, last_event_at) values (?1, ?2, ?3) on conflict (id) do nothing")
                .setParameter(1, event.experimentId()).setParameter(2, event.occurredAt())
                .setParameter(3, event.occurredAt()).executeUpdate())
                // Locked: the consumers of the six topics fold events of one experiment into this row at the same
                // time; without the lock one transaction's update (a dataset, say) is overwritten by another's that
                // read the row before it committed.
                .chain(() -> ExperimentEntity.<ExperimentEntity>findById(event.experimentId(),
                        LockModeType.PESSIMISTIC_WRITE))
                .invoke(experiment -> {
                    experiment.firstEventAt = min(experiment.firstEventAt, event.occurredAt());
                    experiment.lastEventAt = max(experiment.lastEventAt, event.occurredAt());
                    if (event.payload() instanceof DatasetCreated && (experiment.createdAt == null
                            || event.occurredAt().isBefore(experiment.createdAt))) {
                        experiment.datasetEvent = text(event);
                        experiment.createdAt = event.occurredAt();
                    }
                    if (event.payload() instanceof ExperimentReported) {
                        experiment.reportedAt = max(experiment.reportedAt, event.occurredAt());
                    }
                }).replaceWithVoid();
    }

    private static Uni<Void> effect(EventEnvelope<?> event) {
        if (event.payload() instanceof StageProgressed progressed) {
            return progress(event, progressed);
        }
        return StageKeys.outcome(event.payload()).map(outcome -> {
            StageResultEntity candidate = new StageResultEntity();
            candidate.id = event.experimentId() + "/" + outcome.stageKey();
            candidate.experimentId = event.experimentId();
            candidate.stageKey = outcome.stageKey();
            candidate.outcome = outcome.outcome();
            candidate.eventId = event.id();
            candidate.occurredAt = event.occurredAt();
            candidate.event = text(event);
            // Locked as well: a rebuild applies events beside the live consumers.
            return StageResultEntity.<StageResultEntity>findById(candidate.id, LockModeType.PESSIMISTIC_WRITE)
                    .chain(current -> {
                if (current == null) {
                    return candidate.persist().replaceWithVoid();
                }
                if (PRECEDENCE.compare(candidate, current) < 0) {
                    current.outcome = candidate.outcome;
                    current.eventId = candidate.eventId;
                    current.occurredAt = candidate.occurredAt;
                    current.event = candidate.event;
                }
                return Uni.createFrom().voidItem();
            });
        }).orElse(Uni.createFrom().voidItem());
    }

    private static Uni<Void> progress(EventEnvelope<?> event, StageProgressed progressed) {
        String id = event.experimentId() + "/" + progressed.stage().wireName() + "/" + progressed.subjectId();
        return ProgressEntity.<ProgressEntity>findById(id, LockModeType.PESSIMISTIC_WRITE).chain(current -> {
            if (current != null && (event.occurredAt().isBefore(current.occurredAt)
                    || event.occurredAt().equals(current.occurredAt) && progressed.done() <= current.done)) {
                return Uni.createFrom().voidItem();
            }
            ProgressEntity progress = current != null ? current : new ProgressEntity();
            progress.id = id;
            progress.experimentId = event.experimentId();
            progress.stage = progressed.stage().wireName();
            progress.subjectId = progressed.subjectId();
            progress.done = progressed.done();
            progress.total = progressed.total();
            progress.message = progressed.message();
            progress.occurredAt = event.occurredAt();
            return current != null ? Uni.createFrom().voidItem() : progress.persist().replaceWithVoid();
        });
    }

    static String text(EventEnvelope<?> event) {
        return new String(EventCodec.encode(event), StandardCharsets.UTF_8);
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
