package dev.aft.finetune.domain;

import dev.aft.contracts.serde.ContractText;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.events.AugmentationCompleted;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.contracts.plan.AugmentStrategy;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.plan.Plan;
import dev.aft.finetune.persistence.AugmentationEntity;
import dev.aft.finetune.persistence.DatasetEntity;
import dev.aft.finetune.persistence.ProcessedEventEntity;
import dev.aft.finetune.persistence.RunEntity;
import dev.aft.finetune.persistence.RunState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns events into pending training runs, once per event id. {@code DatasetCreated}: the dataset is recorded
 * and {@code ft} is created when the plan trains it. {@code AugmentationCompleted}: the augmentation is recorded
 * (even before its dataset is known), and every planned condition whose augmentations are all in is created
 * ({@code ft+local+global} once both are). A run's id is derived from dataset and condition: nothing is created twice.
 */
@ApplicationScoped
public class EventIntake {

    /** Acts on an event once; yields the runs created. */
    @WithTransaction
    public Uni<List<UUID>> accept(EventEnvelope<?> event) {
        return ProcessedEventEntity.<ProcessedEventEntity>findById(event.id()).chain(seen -> {
            if (seen != null) {
                return Uni.createFrom().item(List.<UUID>of());
            }
            ProcessedEventEntity processed = new ProcessedEventEntity();
            processed.eventId = event.id();
            processed.type = event.type();
            processed.processedAt = Instant.now();
            return register(event).call(ids -> processed.persist());
        });
    }

    private Uni<List<UUID>> register(EventEnvelope<?> event) {
        if (event.payload() instanceof DatasetCreated dataset) {
            return lockDataset(dataset.datasetId()).chain(() -> remember(event, dataset))
                    .chain(() -> createRuns(dataset.datasetId(), event.id()));
        }
        if (event.payload() instanceof AugmentationCompleted augmentation) {
            return lockDataset(augmentation.datasetId()).chain(() -> remember(event, augmentation))
                    .chain(() -> createRuns(augmentation.datasetId(), event.id()));
        }
        return Uni.createFrom().item(List.of());
    }

    /**
     * Serialises this transaction with every other intake of the same dataset until it commits. The two topics
     * are consumed concurrently: without the lock, a {@code DatasetCreated} and an {@code AugmentationCompleted}
     * of one dataset can each miss the other's uncommitted row, and the augmented condition is never created.
     * With it, whichever comes second sees the first's committed row (read committed) and creates the run.
     */
    private static Uni<Void> lockDataset(String datasetId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(:key))) locked",
                        Long.class)
                .setParameter("key", "finetune-intake:" + datasetId).getSingleResult()).replaceWithVoid();
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
            entity.documentsContent = ContractText.write(dataset.documentsContent());
            return entity.persist().replaceWithVoid();
        });
    }

    private static Uni<Void> remember(EventEnvelope<?> event, AugmentationCompleted augmentation) {
        return AugmentationEntity.<AugmentationEntity>findById(augmentation.augmentationId()).chain(known -> {
            if (known != null) {
                return Uni.createFrom().voidItem();
            }
            AugmentationEntity entity = new AugmentationEntity();
            entity.id = augmentation.augmentationId();
            entity.datasetId = augmentation.datasetId();
            entity.experimentId = event.experimentId();
            entity.strategy = augmentation.strategy().wireName();
            entity.eventId = event.id();
            entity.statementsContent = ContractText.write(augmentation.statementsContent());
            return entity.persist().replaceWithVoid();
        });
    }

    /** The planned conditions of the dataset whose augmentations are all in, as runs (if the dataset is known). */
    private static Uni<List<UUID>> createRuns(String datasetId, UUID causationId) {
        return DatasetEntity.<DatasetEntity>findById(datasetId).chain(dataset -> {
            if (dataset == null) {
                return Uni.createFrom().item(List.<UUID>of());
            }
            return AugmentationEntity.<AugmentationEntity>list("datasetId", datasetId).chain(augmentations -> {
                Set<AugmentStrategy> present = EnumSet.noneOf(AugmentStrategy.class);
                augmentations.forEach(a -> present.add(AugmentStrategy.of(a.strategy)));
                Plan plan = ContractText.read(dataset.plan, Plan.class);
                Uni<List<UUID>> chain = Uni.createFrom().item(new ArrayList<>());
                for (Condition condition : plan.finetune().conditions()) {
                    if (present.containsAll(condition.augmentations())) {
                        chain = chain.chain(ids -> create(dataset, plan, condition, causationId, ids));
                    }
                }
                return chain;
            });
        });
    }

    private static Uni<List<UUID>> create(DatasetEntity dataset, Plan plan, Condition condition, UUID causationId,
            List<UUID> ids) {
        UUID id = RunIds.run(dataset.id, condition);
        return RunEntity.<RunEntity>findById(id).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(ids);
            }
            RunEntity run = new RunEntity();
            run.id = id;
            run.experimentId = dataset.experimentId;
            run.datasetId = dataset.id;
            run.condition = condition.wireName();
            run.causationId = causationId;
            run.state = RunState.PENDING;
            run.baseModel = plan.model().baseModel();
            run.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            ids.add(id);
            return run.persist().replaceWith(ids);
        });
    }
}
