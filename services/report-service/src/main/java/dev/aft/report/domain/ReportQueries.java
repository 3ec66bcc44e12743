package dev.aft.report.domain;

import dev.aft.contracts.EventEnvelope;
import dev.aft.contracts.serde.EventCodec;
import dev.aft.report.config.ReportServiceConfig;
import dev.aft.report.persistence.ExperimentEntity;
import dev.aft.report.persistence.ProgressEntity;
import dev.aft.report.persistence.StageResultEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the read model: experiments, and one experiment's report computed from what it holds. */
@ApplicationScoped
public class ReportQueries {

    private final ReportServiceConfig config;
    private final Clock clock = Clock.systemUTC();

    public ReportQueries(ReportServiceConfig config) {
        this.config = config;
    }

    /** Every experiment's report, newest first. */
    @WithSession
    public Uni<List<Report>> all() {
        return ExperimentEntity.<ExperimentEntity>listAll().map(java.util.ArrayList::new).chain(experiments -> {
            experiments.sort((a, b) -> b.firstEventAt.compareTo(a.firstEventAt));
            Uni<List<Report>> chain = Uni.createFrom().item(new java.util.ArrayList<>());
            for (ExperimentEntity experiment : experiments) {
                chain = chain.chain(reports -> load(experiment).invoke(reports::add).replaceWith(reports));
            }
            return chain;
        });
    }

    /** The experiment's report, or null when no event of it is known. */
    @WithSession
    public Uni<Report> report(String experimentId) {
        return reportInSession(experimentId);
    }

    /** {@link #report} inside the caller's session or transaction. */
    public Uni<Report> reportInSession(String experimentId) {
        return ExperimentEntity.<ExperimentEntity>findById(experimentId)
                .chain(experiment -> experiment == null ? Uni.createFrom().nullItem() : load(experiment));
    }

    /** The outcome events of the experiment's stages, by stage key (null when the experiment is unknown). */
    @WithSession
    public Uni<Map<String, EventEnvelope<?>>> results(String experimentId) {
        return ExperimentEntity.<ExperimentEntity>findById(experimentId).chain(experiment -> experiment == null
                ? Uni.createFrom().nullItem()
                : StageResultEntity.<StageResultEntity>list("experimentId", experimentId).map(ReportQueries::byKey));
    }

    private Uni<Report> load(ExperimentEntity experiment) {
        return StageResultEntity.<StageResultEntity>list("experimentId", experiment.id)
                .chain(results -> ProgressEntity.<ProgressEntity>list("experimentId = ?1 order by stage, subjectId",
                        experiment.id).map(progress -> ReportBuilder.build(new ReportBuilder.Inputs(experiment.id,
                                experiment.datasetEvent == null ? null : decode(experiment.datasetEvent),
                                byKey(results), progress.stream().map(ReportQueries::activity).toList(),
                                clock.instant(), config.completion().deadline()))));
    }

    private static Map<String, EventEnvelope<?>> byKey(List<StageResultEntity> results) {
        Map<String, EventEnvelope<?>> byKey = new LinkedHashMap<>();
        results.stream().sorted((a, b) -> a.stageKey.compareTo(b.stageKey))
                .forEach(r -> byKey.put(r.stageKey, decode(r.event)));
        return byKey;
    }

    private static Report.Activity activity(ProgressEntity p) {
        return new Report.Activity(p.stage, p.subjectId, null, p.done, p.total, p.message, p.occurredAt.toString());
    }

    static EventEnvelope<?> decode(String text) {
        return EventCodec.decode(text.getBytes(StandardCharsets.UTF_8));
    }
}
