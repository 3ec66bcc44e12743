package dev.aft.finetune.domain;

import dev.aft.contracts.content.ContentFetcher;
import dev.aft.contracts.serde.ContractText;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.EventPayload;
import dev.aft.contracts.EventType;
import dev.aft.contracts.events.ContentLink;
import dev.aft.contracts.events.ModelTrained;
import dev.aft.contracts.events.Stage;
import dev.aft.contracts.events.StageProgressed;
import dev.aft.contracts.events.TrainingFailed;
import dev.aft.contracts.events.TrainingSetSummary;
import dev.aft.contracts.plan.AugmentStrategy;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.plan.Hyperparameters;
import dev.aft.contracts.plan.Plan;
import dev.aft.contracts.plan.SentenceSplitting;
import dev.aft.finetune.config.FinetuneServiceConfig;
import dev.aft.finetune.persistence.AugmentationEntity;
import dev.aft.finetune.persistence.DatasetEntity;
import dev.aft.finetune.persistence.RunEntity;
import dev.aft.finetune.persistence.RunState;
import dev.aft.finetune.persistence.TrainingContentEntity;
import dev.aft.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A run's life in the database, each step one transaction: taken up by a worker, its training set, file and
 * job recorded as soon as they exist, its loss curve, and succeeded or failed together with its event in the
 * outbox (the outcome's event id is derived from the run: never two outcomes).
 */
@ApplicationScoped
public class Runs {

    /** What a worker needs to start or re-attach a run. */
    public record Snapshot(UUID id, String experimentId, String datasetId, Condition condition, String baseModel,
            Plan plan, ContentLink documents, Map<AugmentStrategy, ContentLink> augmentations,
            Hyperparameters hyperparameters, String fileId, String jobId, Instant startedAt) {
    }

    private final FinetuneServiceConfig config;
    private final Outbox outbox;

    public Runs(FinetuneServiceConfig config, Outbox outbox) {
        this.config = config;
        this.outbox = outbox;
    }

    /** Runs to start or to follow (pending, or running: after a restart they are re-attached), oldest first. */
    @WithSession
    public Uni<List<UUID>> unfinished(int limit) {
        return RunEntity.<RunEntity>find("state in ?1 order by createdAt", List.of(RunState.PENDING, RunState.RUNNING))
                .page(0, limit).list().map(all -> all.stream().map(r -> r.id).toList());
    }

    /** Marks the run running (keeping what a previous process recorded) and yields its snapshot; null when finished. */
    @WithTransaction
    public Uni<Snapshot> take(UUID id) {
        return RunEntity.<RunEntity>findById(id).chain(run -> {
            if (run == null || run.state == RunState.SUCCEEDED || run.state == RunState.FAILED) {
                return Uni.createFrom().nullItem();
            }
            return DatasetEntity.<DatasetEntity>findById(run.datasetId).chain(dataset -> AugmentationEntity
                    .<AugmentationEntity>list("datasetId = ?1 order by id", run.datasetId).map(augmentations -> {
                        run.state = RunState.RUNNING;
                        if (run.startedAt == null) {
                            run.startedAt = now();
                        }
                        Map<AugmentStrategy, ContentLink> links = new EnumMap<>(AugmentStrategy.class);
                        for (AugmentationEntity a : augmentations) {
                            links.putIfAbsent(AugmentStrategy.of(a.strategy),
                                    ContractText.read(a.statementsContent, ContentLink.class));
                        }
                        return new Snapshot(run.id, run.experimentId, run.datasetId, Condition.of(run.condition),
                                run.baseModel, ContractText.read(dataset.plan, Plan.class),
                                ContractText.read(dataset.documentsContent, ContentLink.class), links,
                                run.hyperparameters == null ? null : ContractText.read(run.hyperparameters, Hyperparameters.class),
                                run.fileId, run.jobId, run.startedAt);
                    }));
        });
    }

    /** Stores the assembled training set (bytes, summary) and the hyperparameters the job gets. */
    @WithTransaction
    public Uni<Void> assembled(UUID id, TrainingSet set, SentenceSplitting splitting, Hyperparameters hyperparameters) {
        return RunEntity.<RunEntity>findById(id).chain(run -> {
            String sha256 = ContentFetcher.sha256(set.jsonl());
            run.trainingSet = ContractText.write(new TrainingSetSummary(set.examples().size(), set.bySource(),
                    splitting, new ContentLink(trainingUrl(id), sha256, set.jsonl().length, ContentLink.JSONL)));
            run.hyperparameters = ContractText.write(hyperparameters);
            return TrainingContentEntity.<TrainingContentEntity>findById(id).chain(existing -> {
                TrainingContentEntity content = existing != null ? existing : new TrainingContentEntity();
                content.runId = id;
                content.content = set.jsonl();
                return existing != null ? Uni.createFrom().voidItem() : content.persist().replaceWithVoid();
            });
        });
    }

    /** The training set's bytes as stored; null when not assembled yet. */
    @WithSession
    public Uni<byte[]> trainingContent(UUID id) {
        return TrainingContentEntity.<TrainingContentEntity>findById(id).map(c -> c == null ? null : c.content);
    }

    @WithTransaction
    public Uni<Void> fileUploaded(UUID id, String fileId) {
        return RunEntity.<RunEntity>findById(id).invoke(run -> run.fileId = fileId).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> jobSubmitted(UUID id, String jobId) {
        return RunEntity.<RunEntity>findById(id).invoke(run -> run.jobId = jobId).replaceWithVoid();
    }

    /** Stores the loss curve so far and adds a {@code StageProgressed} (step of total) to the outbox. */
    @WithTransaction
    public Uni<Void> progress(UUID id, List<TrainingBackend.LossPoint> curve) {
        return RunEntity.<RunEntity>findById(id).chain(run -> {
            if (run == null || curve.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            run.lossCurve = lossCurve(curve);
            TrainingBackend.LossPoint last = curve.get(curve.size() - 1);
            int total = Math.max(last.step(), last.totalSteps());
            return outbox.add(progressEvent(run, last.step(), total, String.format(java.util.Locale.ROOT,
                    "%s: step %d/%d, loss %.4f", run.condition, last.step(), total, last.loss())), config.topicPrefix());
        });
    }

    /** Stores the outcome and adds {@code ModelTrained} to the outbox. */
    @WithTransaction
    public Uni<Boolean> succeed(UUID id, String modelId, List<TrainingBackend.LossPoint> curve, long tokens,
            long durationMillis) {
        return RunEntity.<RunEntity>findById(id).chain(run -> {
            if (run == null || run.state != RunState.RUNNING) {
                return Uni.createFrom().item(false);
            }
            double finalLoss = curve.isEmpty() ? Double.NaN : curve.get(curve.size() - 1).loss();
            if (!Double.isFinite(finalLoss)) {
                throw new TrainingFailure("job finished without a finite training loss in its events");
            }
            run.state = RunState.SUCCEEDED;
            run.modelId = modelId;
            run.lossCurve = lossCurve(curve);
            run.finalLoss = finalLoss;
            run.tokens = tokens;
            run.durationMillis = durationMillis;
            run.finishedAt = now();
            run.error = null;
            ModelTrained payload = new ModelTrained(id.toString(), run.datasetId, modelId, run.baseModel,
                    Condition.of(run.condition), ContractText.read(run.trainingSet, TrainingSetSummary.class),
                    ContractText.read(run.hyperparameters, Hyperparameters.class), finalLoss, tokens, durationMillis);
            int steps = curve.get(curve.size() - 1).step();
            return outbox.add(outcome(run, payload), config.topicPrefix())
                    .chain(() -> outbox.add(progressEvent(run, steps, steps, run.condition + ": trained " + modelId),
                            config.topicPrefix()))
                    .replaceWith(true);
        });
    }

    /** Marks the run failed with the reason and adds {@code TrainingFailed} to the outbox. */
    @WithTransaction
    public Uni<Boolean> fail(UUID id, String reason, List<TrainingBackend.LossPoint> curve) {
        return RunEntity.<RunEntity>findById(id).chain(run -> {
            if (run == null || run.state == RunState.SUCCEEDED || run.state == RunState.FAILED) {
                return Uni.createFrom().item(false);
            }
            run.state = RunState.FAILED;
            run.error = reason;
            run.finishedAt = now();
            if (curve != null && !curve.isEmpty()) {
                run.lossCurve = lossCurve(curve);
            }
            if (run.startedAt != null) {
                run.durationMillis = run.finishedAt.toEpochMilli() - run.startedAt.toEpochMilli();
            }
            TrainingFailed payload = new TrainingFailed(id.toString(), run.datasetId, run.baseModel,
                    Condition.of(run.condition), reason);
            return outbox.add(outcome(run, payload), config.topicPrefix()).replaceWith(true);
        });
    }

    @WithSession
    public Uni<RunEntity> find(UUID id) {
        return RunEntity.findById(id);
    }

    @WithSession
    public Uni<List<RunEntity>> ofExperiment(String experimentId) {
        return experimentId == null
                ? RunEntity.<RunEntity>find("order by createdAt").list()
                : RunEntity.<RunEntity>find("experimentId = ?1 order by createdAt", experimentId).list();
    }

    private String trainingUrl(UUID id) {
        return config.publicBaseUrl() + "/runs/" + id + "/training.jsonl";
    }

    private static String lossCurve(List<TrainingBackend.LossPoint> curve) {
        return ContractText.write(curve.stream().map(p -> List.of(p.step(), p.loss())).toList());
    }

    private <P extends EventPayload> EventEnvelope<P> outcome(RunEntity run, P payload) {
        EventType type = payload.eventType();
        return new EventEnvelope<>(RunIds.outcomeEvent(run.id), type.wireName(), type.schemaVersion(),
                run.experimentId, run.causationId, Instant.now().truncatedTo(ChronoUnit.MILLIS), config.producer(),
                payload);
    }

    private EventEnvelope<StageProgressed> progressEvent(RunEntity run, long done, long total, String message) {
        return EventEnvelope.of(run.experimentId, run.causationId, config.producer(),
                new StageProgressed(Stage.TRAINING, run.id.toString(), Math.min(done, total), total, message));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
