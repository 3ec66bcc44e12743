package dev.aft.eval.domain;

import dev.aft.contracts.serde.ContractText;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.EventPayload;
import dev.aft.contracts.EventType;
import dev.aft.contracts.events.ContentLink;
import dev.aft.contracts.events.EvaluationCompleted;
import dev.aft.contracts.events.EvaluationFailed;
import dev.aft.contracts.events.Stage;
import dev.aft.contracts.events.StageProgressed;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.plan.Plan;
import dev.aft.eval.config.EvalServiceConfig;
import dev.aft.eval.persistence.DatasetEntity;
import dev.aft.eval.persistence.EvaluationEntity;
import dev.aft.eval.persistence.EvaluationItemsEntity;
import dev.aft.eval.persistence.EvaluationState;
import dev.aft.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The evaluation's life in the database, each step one transaction: claimed by a worker (pending to
 * running), progress, and completed or failed together with its event in the outbox. The outcome event's id
 * is derived from the evaluation id, so one evaluation can never publish two outcomes.
 */
@ApplicationScoped
public class Evaluations {

    /** What a worker needs to run a claimed evaluation. */
    public record Claimed(EvaluationRun.Task task, String backend, String experimentId) {
    }

    private final EvalServiceConfig config;
    private final Outbox outbox;

    public Evaluations(EvalServiceConfig config, Outbox outbox) {
        this.config = config;
        this.outbox = outbox;
    }

    /** Pending evaluations whose dataset is known, oldest first. */
    @WithSession
    public Uni<List<UUID>> runnable(int limit) {
        return EvaluationEntity.<EvaluationEntity>find(
                        "state = ?1 and datasetId in (select d.id from DatasetEntity d) order by createdAt",
                        EvaluationState.PENDING)
                .page(0, limit).list()
                .map(all -> all.stream().map(e -> e.id).toList());
    }

    /** Marks a pending evaluation running and yields its task; null when it is not pending (or its dataset unknown). */
    @WithTransaction
    public Uni<Claimed> claim(UUID id) {
        return EvaluationEntity.<EvaluationEntity>findById(id).chain(evaluation -> {
            if (evaluation == null || evaluation.state != EvaluationState.PENDING) {
                return Uni.createFrom().nullItem();
            }
            return DatasetEntity.<DatasetEntity>findById(evaluation.datasetId).map(dataset -> {
                if (dataset == null) {
                    return null;
                }
                evaluation.state = EvaluationState.RUNNING;
                evaluation.attempts++;
                evaluation.startedAt = now();
                Plan plan = ContractText.read(dataset.plan, Plan.class);
                EvaluationRun.Task task = new EvaluationRun.Task(evaluation.id, Condition.of(evaluation.condition),
                        evaluation.modelId, ContractText.read(dataset.testsContent, ContentLink.class),
                        ContractText.read(dataset.documentsContent, ContentLink.class), plan.icl());
                return new Claimed(task, plan.model().backend(), evaluation.experimentId);
            });
        });
    }

    /** Stores the outcome and items and adds {@code EvaluationCompleted} (and the last progress event) to the outbox. */
    @WithTransaction
    public Uni<Boolean> complete(UUID id, EvaluationRun.Outcome outcome, long durationMillis) {
        return EvaluationEntity.<EvaluationEntity>findById(id).chain(evaluation -> {
            if (evaluation == null || evaluation.state != EvaluationState.RUNNING) {
                return Uni.createFrom().item(false);
            }
            evaluation.state = EvaluationState.COMPLETED;
            evaluation.finishedAt = now();
            evaluation.durationMillis = durationMillis;
            evaluation.items = outcome.items().size();
            evaluation.promptTokens = outcome.promptTokens();
            evaluation.contextDocuments = outcome.contextDocuments();
            evaluation.contextTokens = outcome.contextTokens();
            evaluation.contextSelection = outcome.contextSelection();
            evaluation.metrics = ContractText.write(outcome.metrics());
            evaluation.itemsSha256 = outcome.itemsSha256();
            evaluation.itemsBytes = (long) outcome.itemsJsonl().length;
            evaluation.error = null;
            EvaluationCompleted payload = new EvaluationCompleted(id.toString(), evaluation.datasetId,
                    Condition.of(evaluation.condition), evaluation.modelId, outcome.metrics(), outcome.promptTokens(),
                    itemsLink(evaluation), evaluation.replayOf);
            int n = outcome.items().size();
            return EvaluationItemsEntity.<EvaluationItemsEntity>findById(id)
                    .chain(existing -> {
                        EvaluationItemsEntity items = existing != null ? existing : new EvaluationItemsEntity();
                        items.evaluationId = id;
                        items.content = outcome.itemsJsonl();
                        return existing != null ? Uni.createFrom().voidItem() : items.persist().replaceWithVoid();
                    })
                    .chain(() -> outbox.add(outcome(evaluation, payload), config.topicPrefix()))
                    .chain(() -> outbox.add(progressEvent(evaluation, n, n, "completed"), config.topicPrefix()))
                    .replaceWith(true);
        });
    }

    /** Marks the evaluation failed with the reason and adds {@code EvaluationFailed} to the outbox. */
    @WithTransaction
    public Uni<Boolean> fail(UUID id, String reason) {
        return EvaluationEntity.<EvaluationEntity>findById(id).chain(evaluation -> {
            if (evaluation == null || evaluation.state == EvaluationState.COMPLETED
                    || evaluation.state == EvaluationState.FAILED) {
                return Uni.createFrom().item(false);
            }
            evaluation.state = EvaluationState.FAILED;
            evaluation.finishedAt = now();
            evaluation.error = reason;
            EvaluationFailed payload = new EvaluationFailed(id.toString(), evaluation.datasetId,
                    Condition.of(evaluation.condition), evaluation.modelId, reason, evaluation.replayOf);
            return outbox.add(outcome(evaluation, payload), config.topicPrefix()).replaceWith(true);
        });
    }

    /** A {@code StageProgressed} for the evaluation, through the outbox. */
    @WithTransaction
    public Uni<Void> progress(UUID id, int done, int total) {
        return EvaluationEntity.<EvaluationEntity>findById(id).chain(evaluation -> evaluation == null
                ? Uni.createFrom().voidItem()
                : outbox.add(progressEvent(evaluation, done, total, null), config.topicPrefix()));
    }

    /** After a restart: evaluations a dead process was running are pending again. */
    @WithTransaction
    public Uni<Integer> resetRunning() {
        return EvaluationEntity.update("state = ?1 where state = ?2", EvaluationState.PENDING, EvaluationState.RUNNING);
    }

    private ContentLink itemsLink(EvaluationEntity evaluation) {
        return new ContentLink(config.publicBaseUrl() + "/evaluations/" + evaluation.id + "/items.jsonl",
                evaluation.itemsSha256, evaluation.itemsBytes, ContentLink.JSONL);
    }

    private <P extends EventPayload> EventEnvelope<P> outcome(EvaluationEntity evaluation, P payload) {
        EventType type = payload.eventType();
        return new EventEnvelope<>(EvaluationIds.outcomeEvent(evaluation.id), type.wireName(), type.schemaVersion(),
                evaluation.experimentId, evaluation.causationId, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                config.producer(), payload);
    }

    private EventEnvelope<StageProgressed> progressEvent(EvaluationEntity evaluation, int done, int total,
            String message) {
        String text = evaluation.condition + " " + evaluation.modelId + ": " + done + "/" + total + " items"
                + (message == null ? "" : ", " + message) + (evaluation.replayOf == null ? "" : " (replay " + evaluation.replayOf + ")");
        return EventEnvelope.of(evaluation.experimentId, evaluation.causationId, config.producer(),
                new StageProgressed(Stage.EVALUATION, evaluation.id.toString(), done, total, text));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
