package dev.aft.eval.domain;

import dev.aft.contracts.serde.ContractText;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.contracts.events.ModelTrained;
import dev.aft.contracts.plan.Condition;
import dev.aft.eval.persistence.DatasetEntity;
import dev.aft.eval.persistence.EvaluationEntity;
import dev.aft.eval.persistence.EvaluationState;
import dev.aft.eval.persistence.ProcessedEventEntity;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns events into pending evaluations. {@code DatasetCreated}: the dataset is recorded, and the
 * {@code pretrained} and {@code icl} conditions its plan evaluates are created for the plan's base model.
 * {@code ModelTrained}: that model under the event's condition, on the event's dataset (it waits until the
 * dataset is known). Live events are acted on once per event id; replayed ones once per replay.
 */
@ApplicationScoped
public class EventIntake {

    /** The conditions that need no training: evaluated as soon as the dataset exists. */
    public static final Set<Condition> WITHOUT_TRAINING = Set.of(Condition.PRETRAINED, Condition.ICL);

    /** Acts on a live event once: a redelivered event (same id) changes nothing. Yields the evaluations created. */
    @WithTransaction
    public Uni<List<UUID>> live(EventEnvelope<?> event) {
        return ProcessedEventEntity.<ProcessedEventEntity>findById(event.id()).chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().item(List.<UUID>of());
            }
            ProcessedEventEntity processed = new ProcessedEventEntity();
            processed.eventId = event.id();
            processed.type = event.type();
            processed.processedAt = Instant.now();
            return register(event, null, null).call(ids -> processed.persist());
        });
    }

    /**
     * Acts on an event re-read by a replay: evaluations with ids of the replay (the same ones however often
     * the replay runs), limited to {@code conditions} when not null. Yields the replay's evaluations of this event.
     */
    @WithTransaction
    public Uni<List<UUID>> replayed(EventEnvelope<?> event, String replayId, Set<Condition> conditions) {
        return register(event, replayId, conditions);
    }

    private Uni<List<UUID>> register(EventEnvelope<?> event, String replayId, Set<Condition> filter) {
        if (event.payload() instanceof DatasetCreated dataset) {
            List<Candidate> candidates = new ArrayList<>();
            for (Condition condition : dataset.plan().evaluation().conditions()) {
                if (WITHOUT_TRAINING.contains(condition) && (filter == null || filter.contains(condition))) {
                    candidates.add(new Candidate(condition, dataset.plan().model().baseModel()));
                }
            }
            return remember(event, dataset).chain(() -> create(event, dataset.datasetId(), candidates, replayId));
        }
        if (event.payload() instanceof ModelTrained trained) {
            if (filter != null && !filter.contains(trained.condition())) {
                return Uni.createFrom().item(List.of());
            }
            return create(event, trained.datasetId(), List.of(new Candidate(trained.condition(), trained.modelId())),
                    replayId);
        }
        return Uni.createFrom().item(List.of());
    }

    private record Candidate(Condition condition, String modelId) {
    }

    private static Uni<Void> remember(EventEnvelope<?> event, DatasetCreated dataset) {
        return DatasetEntity.<DatasetEntity>findById(dataset.datasetId()).chain(known -> {
            if (known != null) {
                return Uni.createFrom().voidItem();
            }
            DatasetEntity entity = new DatasetEntity();
            entity.id = dataset.datasetId();
            entity.experimentId = event.experimentId();
            entity.eventId = event.id();
            entity.plan = ContractText.write(dataset.plan());
            entity.testsContent = ContractText.write(dataset.testsContent());
            entity.documentsContent = ContractText.write(dataset.documentsContent());
            entity.occurredAt = event.occurredAt();
            return entity.persist().replaceWithVoid();
        });
    }

    private static Uni<List<UUID>> create(EventEnvelope<?> event, String datasetId, List<Candidate> candidates,
            String replayId) {
        Uni<List<UUID>> chain = Uni.createFrom().item(new ArrayList<>());
        for (Candidate candidate : candidates) {
            UUID id = replayId == null ? EvaluationIds.evaluation(event.id(), candidate.condition())
                    : EvaluationIds.replayedEvaluation(replayId, event.id(), candidate.condition());
            chain = chain.chain(ids -> EvaluationEntity.<EvaluationEntity>findById(id).chain(existing -> {
                ids.add(id);
                if (existing != null) {
                    return Uni.createFrom().item(ids);
                }
                EvaluationEntity evaluation = new EvaluationEntity();
                evaluation.id = id;
                evaluation.experimentId = event.experimentId();
                evaluation.datasetId = datasetId;
                evaluation.condition = candidate.condition().wireName();
                evaluation.modelId = candidate.modelId();
                evaluation.causationId = event.id();
                evaluation.replayOf = replayId;
                evaluation.state = EvaluationState.PENDING;
                evaluation.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                return evaluation.persist().replaceWith(ids);
            }));
        }
        return chain;
    }
}
