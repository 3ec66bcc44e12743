package dev.aft.report.domain;

import dev.aft.report.config.ReportServiceConfig;
import dev.aft.report.persistence.ExperimentEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Reports experiments whose deadline passed with stages still missing: they would otherwise wait forever for a
 * result that a crashed or misconfigured service never sends.
 */
@ApplicationScoped
public class DeadlineWatch {

    private final EventIntake intake;
    private final ReportServiceConfig config;

    public DeadlineWatch(EventIntake intake, ReportServiceConfig config) {
        this.intake = intake;
        this.config = config;
    }

    @Scheduled(every = "${aft.report.completion.check-interval:30s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        if (intake.rebuilding()) {
            return Uni.createFrom().voidItem();
        }
        return overdue().chain(ids -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String id : ids) {
                chain = chain.chain(() -> intake.report(id, null, true));
            }
            return chain;
        });
    }

    /** Experiments past their deadline that have not been reported. */
    @WithSession
    Uni<List<String>> overdue() {
        Instant before = Instant.now().minus(config.completion().deadline());
        return ExperimentEntity.<ExperimentEntity>list("createdAt < ?1 and id not in"
                + " (select r.experimentId from ReportEmissionEntity r)", before)
                .map(overdue -> overdue.stream().map(e -> e.id).toList());
    }
}
