package dev.aft.report.domain;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.events.ExperimentReported;
import dev.aft.contracts.events.ReportRow;
import dev.aft.contracts.plan.Condition;
import dev.aft.outbox.Outbox;
import dev.aft.report.config.ReportServiceConfig;
import dev.aft.report.persistence.ReportEmissionEntity;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Emits {@code ExperimentReported} through the outbox: once when every stage the plan expects has a result
 * (completed or failed), and once, earlier, when the deadline passes with stages still missing. The emission
 * is recorded in the same transaction as the outbox row, and the event id is derived from the experiment and
 * the kind, so neither a redelivery, a race between consumers nor a rebuild reports twice.
 */
@ApplicationScoped
public class Reporting {

    public static final String COMPLETE = "complete";
    public static final String DEADLINE = "deadline";

    private static final Logger LOG = Logger.getLogger(Reporting.class);

    private final ReportQueries queries;
    private final Outbox outbox;
    private final ReportServiceConfig config;

    public Reporting(ReportQueries queries, Outbox outbox, ReportServiceConfig config) {
        this.queries = queries;
        this.outbox = outbox;
        this.config = config;
    }

    /** Reports the experiment if it is due and not yet reported in that way; yields the kind emitted, or null. */
    @WithTransaction
    public Uni<String> check(String experimentId, UUID causationId) {
        return queries.report(experimentId).chain(report -> {
            if (report == null || report.completeness() == null) {
                return Uni.createFrom().nullItem();
            }
            String kind = report.completeness().complete() ? COMPLETE
                    : Report.INCOMPLETE.equals(report.status()) ? DEADLINE : null;
            if (kind == null) {
                return Uni.createFrom().nullItem();
            }
            return ReportEmissionEntity.<ReportEmissionEntity>find("experimentId", experimentId).list()
                    .chain(done -> {
                        boolean already = done.stream().anyMatch(e -> e.kind.equals(COMPLETE) || e.kind.equals(kind));
                        return already ? Uni.createFrom().<String>nullItem() : emit(report, kind, causationId);
                    });
        });
    }

    private Uni<String> emit(Report report, String kind, UUID causationId) {
        ExperimentReported payload = new ExperimentReported(report.experimentId(),
                report.table().stream().map(c -> new ReportRow(Condition.of(c.condition()), c.split(), c.n(), c.acc(),
                        c.accNorm(), c.accStderr(), c.chance())).toList(),
                report.completeness());
        UUID id = UUID.nameUUIDFromBytes(("ExperimentReported/" + report.experimentId() + "/" + kind)
                .getBytes(StandardCharsets.UTF_8));
        EventEnvelope<ExperimentReported> event = new EventEnvelope<>(id, payload.eventType().wireName(),
                payload.eventType().schemaVersion(), report.experimentId(), causationId,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), config.producer(), payload);
        ReportEmissionEntity emission = new ReportEmissionEntity();
        emission.id = report.experimentId() + "/" + kind;
        emission.experimentId = report.experimentId();
        emission.kind = kind;
        emission.eventId = id;
        emission.emittedAt = Instant.now();
        LOG.infof("experiment %s reported (%s): %s", report.experimentId(), kind, report.completeness());
        return emission.persist().chain(() -> outbox.add(event, config.topicPrefix())).replaceWith(kind);
    }
}
