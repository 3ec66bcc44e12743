package dev.aft.report.domain;

import dev.aft.contracts.InvalidEventException;
import dev.aft.contracts.Topics;
import dev.aft.contracts.serde.EventCodec;
import dev.aft.report.config.ReportServiceConfig;
import dev.aft.contracts.log.LogReader;
import dev.aft.outbox.Reactive;
import dev.aft.report.persistence.ExperimentEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Rebuilds the read model from the earliest offsets: clears it, then re-reads every {@code aft.*} topic with a
 * consumer of its own (no group, no commits) up to the end offsets taken after the clearing, applying each event
 * as the live consumers do. The live consumers keep running: what they apply meanwhile is either re-read (and
 * deduplicated) or newer than the end offsets. Reports are not emitted while it runs; afterwards every
 * experiment is checked once (the record of earlier emissions survives a rebuild, so none is reported twice).
 */
@ApplicationScoped
public class Rebuild {

    private static final Logger LOG = Logger.getLogger(Rebuild.class);

    /** What a rebuild read: records, events applied, records that were not events, experiments known after it. */
    public record Result(long records, long applied, long invalid, long experiments, long durationMillis) {
    }

    /** A rebuild was asked for while one was running. */
    public static class AlreadyRunning extends RuntimeException {
        public AlreadyRunning() {
            super("a rebuild is already running");
        }
    }

    private final EventIntake intake;
    private final ReadModel model;
    private final Updates updates;
    private final ReportServiceConfig config;
    private final LogReader reader;

    public Rebuild(EventIntake intake, ReadModel model, Updates updates, ReportServiceConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.intake = intake;
        this.model = model;
        this.updates = updates;
        this.config = config;
        this.reader = new LogReader(kafka);
    }

    void onStart(@Observes StartupEvent start) {
        if (config.rebuild().onStart()) {
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    run();
                } catch (RuntimeException e) {
                    LOG.error("the rebuild at start failed", e);
                }
            });
        }
    }

    /** Runs a rebuild on the calling (worker) thread and waits for it. */
    public Result run() {
        if (!intake.startRebuild()) {
            throw new AlreadyRunning();
        }
        long started = System.nanoTime();
        AtomicLong applied = new AtomicLong();
        AtomicLong invalid = new AtomicLong();
        long records;
        try {
            Reactive.await(model::clear);
            List<String> topics = Topics.ALL.stream().map(t -> Topics.withPrefix(config.topicPrefix(), t)).toList();
            records = reader.read("report-service-rebuild-" + UUID.randomUUID(), topics, null,
                    config.rebuild().timeout(), record -> {
                        try {
                            var event = EventCodec.decode(record.value());
                            if (Reactive.await(() -> intake.accept(event))) {
                                applied.incrementAndGet();
                            }
                        } catch (InvalidEventException e) {
                            invalid.incrementAndGet();
                        }
                    });
        } catch (TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            intake.endRebuild();
        }
        List<String> experiments = Reactive.await(this::experimentIds);
        for (String id : experiments) {
            Reactive.await(() -> intake.report(id, null, true));
            updates.publish(new Updates.Update(id, "report", null));
        }
        Result result = new Result(records, applied.get(), invalid.get(), experiments.size(),
                (System.nanoTime() - started) / 1_000_000);
        LOG.infof("read model rebuilt: %s", result);
        return result;
    }

    @WithSession
    Uni<List<String>> experimentIds() {
        return ExperimentEntity.<ExperimentEntity>listAll().map(all -> all.stream().map(e -> e.id).toList());
    }
}
