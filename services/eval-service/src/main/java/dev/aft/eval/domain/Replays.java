package dev.aft.eval.domain;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.InvalidEventException;
import dev.aft.contracts.Topics;
import dev.aft.contracts.events.DatasetCreated;
import dev.aft.contracts.events.ModelTrained;
import dev.aft.contracts.plan.Condition;
import dev.aft.contracts.serde.EventCodec;
import dev.aft.eval.config.EvalServiceConfig;
import dev.aft.contracts.log.LogReader;
import dev.aft.eval.persistence.ReplayEntity;
import dev.aft.outbox.Reactive;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Re-evaluation by replay: re-reads {@code aft.datasets} and {@code aft.models} from the log with a consumer
 * of its own ({@link LogReader}), keeps the events that match, and creates for each the evaluations a live
 * event would, marked {@code replayOf} and named by the replay id, so that running a replay again (same id,
 * or after a restart mid-read) adds nothing. Evaluation uses the configuration current at the time.
 */
@ApplicationScoped
public class Replays {

    private static final Logger LOG = Logger.getLogger(Replays.class);

    private final EvalServiceConfig config;
    private final EventIntake intake;
    private final EvaluationWorkers workers;
    private final LogReader reader;
    private final ExecutorService readers = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "eval-replay");
        thread.setDaemon(true);
        return thread;
    });

    public Replays(EvalServiceConfig config, EventIntake intake, EvaluationWorkers workers,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.config = config;
        this.intake = intake;
        this.workers = workers;
        this.reader = new LogReader(kafka);
    }

    /** Records the replay (or finds the one with that id) and starts reading when it is new. */
    public Uni<ReplayEntity> start(ReplayRequest request) {
        String id = request.replayId() != null ? request.replayId() : "replay-" + UUID.randomUUID();
        return record(id, request).invoke(created -> {
            if (created.isNew) {
                readers.submit(() -> read(created.replay.id));
            }
        }).map(created -> created.replay);
    }

    private record Created(ReplayEntity replay, boolean isNew) {
    }

    @WithTransaction
    Uni<Created> record(String id, ReplayRequest request) {
        return ReplayEntity.<ReplayEntity>findById(id).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(new Created(existing, false));
            }
            ReplayEntity replay = new ReplayEntity();
            replay.id = id;
            replay.experimentId = request.experimentId();
            replay.fromTime = request.from();
            replay.toTime = request.to();
            replay.conditions = request.conditions() == null ? null
                    : request.conditions().stream().map(Condition::wireName).sorted().collect(Collectors.joining(","));
            replay.state = ReplayEntity.READING;
            replay.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return replay.persist().replaceWith(new Created(replay, true));
        });
    }

    /** Replays a previous process was reading when it stopped are read again (nothing doubles). */
    void resume(@Observes StartupEvent event) {
        readers.submit(() -> {
            List<ReplayEntity> unfinished = Reactive.await(() -> Panache.withSession(
                    () -> ReplayEntity.<ReplayEntity>find("state", ReplayEntity.READING).list()));
            unfinished.forEach(replay -> readers.submit(() -> read(replay.id)));
        });
    }

    void stop(@Observes ShutdownEvent event) {
        readers.shutdownNow();
    }

    private void read(String id) {
        ReplayEntity replay = Reactive.await(() -> Panache.withSession(() -> ReplayEntity.<ReplayEntity>findById(id)));
        Set<Condition> conditions = replay.conditions == null ? null : Arrays.stream(replay.conditions.split(","))
                .map(Condition::of).collect(Collectors.toSet());
        long[] matched = {0};
        long[] lastSaved = {System.nanoTime()};
        try {
            List<String> topics = List.of(Topics.withPrefix(config.topicPrefix(), Topics.DATASETS),
                    Topics.withPrefix(config.topicPrefix(), Topics.MODELS));
            long[] read = {0};
            reader.read("eval-service-" + id, topics, replay.fromTime, config.replay().timeout(), record -> {
                read[0]++;
                EventEnvelope<?> event = matching(record, replay);
                if (event != null) {
                    List<UUID> evaluations = Reactive.await(() -> intake.replayed(event, id, conditions));
                    if (!evaluations.isEmpty()) {
                        matched[0]++;
                        workers.wake();
                    }
                }
                if (System.nanoTime() - lastSaved[0] > 1_000_000_000L) {
                    lastSaved[0] = System.nanoTime();
                    Reactive.await(() -> progress(id, read[0], matched[0], null, null));
                }
            });
            Reactive.await(() -> progress(id, read[0], matched[0], ReplayEntity.READ, null));
            LOG.infof("replay %s read %d record(s); %d event(s) led to evaluations", id, read[0], matched[0]);
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            LOG.errorf(e, "replay %s failed", id);
            Reactive.await(() -> progress(id, -1, matched[0], ReplayEntity.FAILED, e.toString()));
        }
        workers.wake();
    }

    private static EventEnvelope<?> matching(ConsumerRecord<String, byte[]> record, ReplayEntity replay) {
        EventEnvelope<?> event;
        try {
            event = EventCodec.decode(record.value());
        } catch (InvalidEventException e) {
            return null;
        }
        if (!(event.payload() instanceof DatasetCreated) && !(event.payload() instanceof ModelTrained)) {
            return null;
        }
        if (replay.experimentId != null && !replay.experimentId.equals(event.experimentId())) {
            return null;
        }
        if (replay.fromTime != null && event.occurredAt().isBefore(replay.fromTime)) {
            return null;
        }
        if (replay.toTime != null && !event.occurredAt().isBefore(replay.toTime)) {
            return null;
        }
        return event;
    }

    @WithTransaction
    Uni<Void> progress(String id, long read, long matched, String state, String error) {
        return ReplayEntity.<ReplayEntity>findById(id).invoke(replay -> {
            if (read >= 0) {
                replay.recordsRead = read;
            }
            replay.eventsMatched = matched;
            if (state != null) {
                replay.state = state;
                replay.finishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                replay.error = error;
            }
        }).replaceWithVoid();
    }
}
