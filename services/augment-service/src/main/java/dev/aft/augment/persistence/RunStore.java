package dev.aft.augment.persistence;

import dev.aft.augment.config.AugmentServiceConfig;
import dev.aft.contracts.EventEnvelope;
import dev.aft.outbox.Outbox;
import dev.aft.outbox.Reactive;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The runs' database work for the worker threads: each method is one reactive session or transaction, awaited
 * on the calling (worker) thread. Every output and its statements are stored in one transaction together with
 * the run's token and time counters (and, when due, a progress event in the outbox), so a run killed at any
 * point resumes with exactly what was committed.
 */
@ApplicationScoped
public class RunStore {

    private final Outbox outbox;
    private final AugmentServiceConfig config;

    public RunStore(Outbox outbox, AugmentServiceConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** What a resumed run already has: the (prompt, sample) keys stored and the normalized kept statements. */
    public record ResumeState(Set<String> doneKeys, List<String> keptNormalized) {
    }

    public static String key(String promptId, int sample) {
        return promptId + "#" + sample;
    }

    /** Marks a pending run running and counts the attempt; null when the run does not exist or is finished. */
    public RunEntity start(String runId, Instant now) {
        return Reactive.await(() -> Panache.withTransaction(() -> RunEntity.<RunEntity>findById(runId).map(run -> {
            if (run == null || run.state.finished()) {
                return null;
            }
            if (run.state == RunState.PENDING) {
                run.state = RunState.RUNNING;
                run.startedAt = now;
            }
            run.attempts++;
            return run;
        })));
    }

    public byte[] input(String runId) {
        return Reactive.await(() -> Panache.withSession(() -> InputEntity.<InputEntity>findById(runId)
                .map(input -> input == null ? null : input.documents)));
    }

    public void saveInput(String runId, byte[] documents) {
        InputEntity input = new InputEntity();
        input.runId = runId;
        input.documents = documents;
        Reactive.await(() -> Panache.withTransaction(input::persist).replaceWithVoid());
    }

    /** Updates the run (e.g. calibration, prompt counts) and adds its tokens; emits {@code event} when not null. */
    public void update(String runId, Consumer<RunEntity> change, long promptTokens, long completionTokens,
            long activeMillis, EventEnvelope<?> event, Instant now) {
        Reactive.await(() -> Panache.withTransaction(() -> RunEntity.<RunEntity>findById(runId).chain(run -> {
            change.accept(run);
            run.promptTokens += promptTokens;
            run.completionTokens += completionTokens;
            run.activeMillis += activeMillis;
            if (event == null) {
                return Uni.createFrom().voidItem();
            }
            run.lastProgressAt = now;
            return outbox.add(event, config.topicPrefix());
        })));
    }

    public ResumeState resumeState(String runId) {
        return Reactive.await(() -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createSelectionQuery("select o.promptId, o.sample from OutputEntity o where o.runId = :run",
                        Object[].class)
                .setParameter("run", runId).getResultList()
                .chain(keys -> session.createSelectionQuery(
                                "select s.normalized from StatementEntity s where s.runId = :run order by s.position",
                                String.class)
                        .setParameter("run", runId).getResultList()
                        .map(kept -> {
                            Set<String> done = new HashSet<>();
                            keys.forEach(k -> done.add(key((String) k[0], (Integer) k[1])));
                            return new ResumeState(done, kept);
                        })))));
    }

    /**
     * Stores outputs and their statements, adds the tokens and working time to the run and, when not null, puts
     * a progress event in the outbox: all in one transaction.
     */
    public void saveOutputs(String runId, List<OutputEntity> outputs, List<StatementEntity> statements,
            long promptTokens, long completionTokens, long activeMillis, EventEnvelope<?> progress, Instant now) {
        Reactive.await(() -> Panache.withTransaction(() -> PanacheEntityBase.persist(outputs)
                .chain(() -> statements.isEmpty() ? Uni.createFrom().voidItem() : PanacheEntityBase.persist(statements))
                .chain(() -> RunEntity.update("promptTokens = promptTokens + ?1, completionTokens = completionTokens + ?2,"
                        + " activeMillis = activeMillis + ?3" + (progress == null ? "" : ", lastProgressAt = ?5")
                        + " where id = ?4", progress == null
                        ? new Object[] {promptTokens, completionTokens, activeMillis, runId}
                        : new Object[] {promptTokens, completionTokens, activeMillis, runId, now}))
                .chain(() -> progress == null ? Uni.createFrom().voidItem() : outbox.add(progress, config.topicPrefix()))));
    }

    public List<StatementEntity> statements(String runId) {
        return Reactive.await(() -> Panache.withSession(() -> StatementEntity.<StatementEntity>find(
                "runId = ?1 order by position", runId).list()));
    }

    /** The run's outputs added up (a session of its own; used by workers and by the REST views alike). */
    public Uni<RunTally> tallyAsync(String runId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select o.promptId, o.overContext, o.candidates, o.droppedEcho, o.droppedNotStatement,"
                                + " o.droppedDuplicateOfSource, o.droppedDuplicate, o.kept, o.contextDocuments,"
                                + " case when o.contextDocumentIds is null then 0 else 1 end"
                                + " from OutputEntity o where o.runId = :run", Object[].class)
                .setParameter("run", runId).getResultList())
                .map(rows -> {
                    List<RunTally.Row> parsed = new ArrayList<>(rows.size());
                    for (Object[] r : rows) {
                        parsed.add(new RunTally.Row((String) r[0], (Boolean) r[1], (Integer) r[2], (Integer) r[3],
                                (Integer) r[4], (Integer) r[5], (Integer) r[6], (Integer) r[7], (Integer) r[8],
                                ((Number) r[9]).intValue() == 1));
                    }
                    return RunTally.of(parsed);
                });
    }

    public RunTally tally(String runId) {
        return Reactive.await(() -> Panache.withSession(() -> tallyAsync(runId)));
    }

    /**
     * Finishes a running run exactly once: under a row lock, and only if it is not finished yet, applies
     * {@code change} (which returns the events to publish), stores the statements content (when not null) and
     * puts the events in the outbox. Returns whether this call finished it.
     */
    public boolean finish(String runId, Function<RunEntity, List<EventEnvelope<?>>> change, byte[] content) {
        return Reactive.await(() -> Panache.withTransaction(() -> RunEntity.<RunEntity>findById(runId,
                LockModeType.PESSIMISTIC_WRITE).chain(run -> {
                    if (run == null || run.state.finished()) {
                        return Uni.createFrom().item(false);
                    }
                    List<EventEnvelope<?>> events = change.apply(run);
                    Uni<Void> stored = Uni.createFrom().voidItem();
                    if (content != null) {
                        ContentEntity entity = new ContentEntity();
                        entity.runId = runId;
                        entity.content = content;
                        stored = entity.persist().replaceWithVoid();
                    }
                    for (EventEnvelope<?> event : events) {
                        stored = stored.chain(() -> outbox.add(event, config.topicPrefix()));
                    }
                    return stored.replaceWith(true);
                })));
    }

    /** Ids of the runs not finished yet, oldest first. */
    public List<String> unfinished() {
        return Reactive.await(() -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createSelectionQuery("select r.id from RunEntity r where r.state in (:pending, :running)"
                        + " order by r.createdAt", String.class)
                .setParameter("pending", RunState.PENDING).setParameter("running", RunState.RUNNING)
                .getResultList())));
    }
}
