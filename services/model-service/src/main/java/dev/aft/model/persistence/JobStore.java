package dev.aft.model.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Fine-tuning jobs, their events and uploaded files in PostgreSQL (Hibernate Reactive). Status changes are
 * compare-and-set under a row lock, so a cancel and a finishing worker can never both win.
 */
@ApplicationScoped
public class JobStore {

    private final Mutiny.SessionFactory sessionFactory;
    private final Vertx vertx;
    private final Clock clock = Clock.systemUTC();

    public JobStore(Mutiny.SessionFactory sessionFactory, Vertx vertx) {
        this.sessionFactory = sessionFactory;
        this.vertx = vertx;
    }

    /**
     * Hibernate Reactive keeps its session in the current Vert.x context, which must be an isolated (duplicated,
     * safe) one, on its event loop: request event-loop threads run it in place, blocking request threads on their
     * request's context, the job queue's threads on a fresh context per operation.
     */
    private <T> Uni<T> safely(Supplier<Uni<T>> work) {
        Context current = Vertx.currentContext();
        boolean safe = current != null && VertxContext.isDuplicatedContext(current)
                && VertxContextSafetyToggle.isExplicitlyMarkedAsSafe(current);
        if (safe && Context.isOnEventLoopThread()) {
            return Uni.createFrom().deferred(work::get);
        }
        Context context = safe ? current : VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> work.get().subscribe()
                .with(emitter::complete, emitter::fail)));
    }

    private <T> Uni<T> withSession(Function<Mutiny.Session, Uni<T>> work) {
        return safely(() -> sessionFactory.withSession(work));
    }

    private <T> Uni<T> withTransaction(Function<Mutiny.Session, Uni<T>> work) {
        return safely(() -> sessionFactory.withTransaction(work));
    }

    public long now() {
        return clock.instant().getEpochSecond();
    }

    public Instant instant() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---------------------------------------------------------------- files

    public Uni<FileEntity> saveFile(FileEntity file) {
        return withTransaction(session -> session.persist(file)).replaceWith(file);
    }

    public Uni<FileEntity> file(String id) {
        return withSession(session -> session.find(FileEntity.class, id));
    }

    public Uni<List<FileEntity>> files(String purpose) {
        return withSession(session -> purpose == null
                ? session.createSelectionQuery("from FileEntity order by createdAt desc, id", FileEntity.class)
                        .getResultList()
                : session.createSelectionQuery("from FileEntity where purpose = ?1 order by createdAt desc, id",
                        FileEntity.class).setParameter(1, purpose).getResultList());
    }

    // ---------------------------------------------------------------- jobs

    /** Stores a new job together with its first event. */
    public Uni<JobEntity> createJob(JobEntity job, String message) {
        return withTransaction(session -> session.persist(job)
                .chain(() -> session.persist(event(job.id, "info", "message", message, null)))).replaceWith(job);
    }

    public Uni<JobEntity> job(String id) {
        return withSession(session -> session.find(JobEntity.class, id));
    }

    /** Jobs newest first; {@code after} (a job id) continues a previous page. Fetches one more than asked. */
    public Uni<List<JobEntity>> jobs(String after, int limit) {
        return withSession(session -> {
            if (after == null) {
                return session.createSelectionQuery("from JobEntity order by createdTime desc, id desc", JobEntity.class)
                        .setMaxResults(limit + 1).getResultList();
            }
            return session.find(JobEntity.class, after).chain(anchor -> anchor == null
                    ? Uni.createFrom().item(List.<JobEntity>of())
                    : session.createSelectionQuery("from JobEntity where createdTime < ?1 or (createdTime = ?1 and id < ?2)"
                                    + " order by createdTime desc, id desc", JobEntity.class)
                            .setParameter(1, anchor.createdTime).setParameter(2, anchor.id)
                            .setMaxResults(limit + 1).getResultList());
        });
    }

    /** Jobs a restart must take up again, oldest first: running ones, then queued, then validating. */
    public Uni<List<JobEntity>> unfinishedJobs() {
        return withSession(session -> session.createSelectionQuery(
                        "from JobEntity where status in ?1 order by createdTime, id", JobEntity.class)
                .setParameter(1, JobStatus.UNFINISHED.stream().map(JobStatus::wireName).toList())
                .getResultList());
    }

    /**
     * Applies {@code change} and an event if the job is in one of {@code from}; yields the changed job, or null
     * when it was not (someone else moved it first).
     */
    public Uni<JobEntity> transition(String id, Set<JobStatus> from, Consumer<JobEntity> change, String level,
            String message) {
        return withTransaction(session -> session.find(JobEntity.class, id, LockModeType.PESSIMISTIC_WRITE)
                .chain(job -> {
                    if (job == null || !from.contains(job.status())) {
                        return Uni.createFrom().nullItem();
                    }
                    change.accept(job);
                    return message == null ? Uni.createFrom().item(job)
                            : session.persist(event(id, level, "message", message, null)).replaceWith(job);
                }));
    }

    // ---------------------------------------------------------------- events

    /**
     * Adds an event of a job's run only while the job is unfinished, under the same row lock as
     * {@link #transition}: once a cancel (or any end) is recorded, a worker's late progress report is dropped,
     * so the end stays the job's newest event. Yields whether the event was added.
     */
    public Uni<Boolean> addRunEvent(String jobId, String level, String type, String message, String data) {
        return withTransaction(session -> session.find(JobEntity.class, jobId, LockModeType.PESSIMISTIC_WRITE)
                .chain(job -> {
                    if (job == null || !JobStatus.UNFINISHED.contains(job.status())) {
                        return Uni.createFrom().item(false);
                    }
                    return session.persist(event(jobId, level, type, message, data)).replaceWith(true);
                }));
    }

    /** Events of a job newest first; {@code afterPosition} continues a previous page. Fetches one more than asked. */
    public Uni<List<JobEventEntity>> events(String jobId, Long afterPosition, int limit) {
        return withSession(session -> session.createSelectionQuery(
                        "from JobEventEntity where jobId = ?1 and position < ?2 order by position desc",
                        JobEventEntity.class)
                .setParameter(1, jobId)
                .setParameter(2, afterPosition == null ? Long.MAX_VALUE : afterPosition)
                .setMaxResults(limit + 1).getResultList());
    }

    private JobEventEntity event(String jobId, String level, String type, String message, String data) {
        JobEventEntity event = new JobEventEntity();
        event.jobId = jobId;
        event.createdAt = now();
        event.level = level;
        event.type = type;
        event.message = message;
        event.data = data;
        return event;
    }
}
