package dev.aft.report.domain;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.events.ExperimentReported;
import dev.aft.contracts.events.ReportRow;
import dev.aft.contracts.plan.Condition;
import dev.aft.outbox.Outbox;
import dev.aft.report.config.ReportServiceConfig;
import dev.aft.report.persistence.ReportEmissionEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
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

    /**
     * Reports the experiment if it is due and not yet reported in that way; yields the kind emitted, or null.
     * {@code deadlines}: whether a report with missing stages may be emitted now (the periodic check), or only
     * a complete one (after each event: the events that arrive together should be in the report together).
     */
    @WithTransaction
    public Uni<String> check(String experimentId, UUID causationId, boolean deadlines) {
        return queries.reportInSession(experimentId).chain(report -> {
            if (report == null || report.completeness() == null) {
                return Uni.createFrom().nullItem();
            }
            String kind = report.completeness().complete() ? COMPLETE
                    : deadlines && Report.INCOMPLETE.equals(report.status()) ? DEADLINE : null;
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
        // Recorded with an insert that yields to a concurrent one: only the transaction that inserted the row
        // adds the event to the outbox.
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into report_emission"
                        + " (id, experiment_id, kind, event_id, emitted_at) values (?1, ?2, ?3, ?4, ?5)"
                        + " on conflict (id) do nothing")
                .setParameter(1, report.experimentId() + "/" + kind).setParameter(2, report.experimentId())
                .setParameter(3, kind).setParameter(4, id).setParameter(5, Instant.now()).executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    LOG.infof("experiment %s reported (%s): %s", report.experimentId(), kind, report.completeness());
                    return outbox.add(event, config.topicPrefix()).replaceWith(kind);
                });
    }
}
