package dev.aft.report.rest;

import dev.aft.report.domain.ItemScores;
import dev.aft.report.domain.Report;
import dev.aft.report.domain.ReportFormats;
import dev.aft.report.domain.ReportQueries;
import dev.aft.report.domain.Updates;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Experiments and their reports: list, report (JSON, CSV, Markdown), per-item drill-down, live stream. */
@Path("/experiments")
public class ExperimentResource {

    private final ReportQueries queries;
    private final ItemScores items;
    private final Updates updates;

    public ExperimentResource(ReportQueries queries, ItemScores items, Updates updates) {
        this.queries = queries;
        this.items = items;
        this.updates = updates;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<ExperimentSummary>> list() {
        return queries.all().map(reports -> reports.stream().map(ExperimentSummary::of).toList());
    }

    @GET
    @Path("{id}/report")
    public Uni<Response> report(@PathParam("id") String id, @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        ReportFormat chosen = ReportFormat.choose(format, headers.getRequestHeader(HttpHeaders.ACCEPT));
        return found(id).map(report -> switch (chosen) {
            case JSON -> Response.ok(report, MediaType.APPLICATION_JSON).build();
            case CSV -> text(ReportFormats.csv(report), chosen, id + ".csv");
            case MARKDOWN -> text(ReportFormats.markdown(report), chosen, id + ".md");
        });
    }

    @GET
    @Path("{id}/items")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ItemScores.Drilldown> items(@PathParam("id") String id, @QueryParam("condition") String condition) {
        return found(id).chain(report -> queries.results(id)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(results -> {
                    if (condition != null && !report.conditions().contains(condition)) {
                        throw new InvalidRequestException("condition", "condition '" + condition
                                + "' is not one of " + report.conditions());
                    }
                    return items.drilldown(id, results, report.conditions(), condition);
                }));
    }

    /** The current report, then each progress event and each report change of the experiment as it happens. */
    @GET
    @Path("{id}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@PathParam("id") String id, @Context Sse sse) {
        Multi<OutboundSseEvent> live = updates.of(id).onItem().transformToUniAndConcatenate(update ->
                "progress".equals(update.kind())
                        ? Uni.createFrom().item(event(sse, "progress", update.data()))
                        : queries.report(id).map(report -> event(sse, "report", report)));
        Multi<OutboundSseEvent> heartbeat = Multi.createFrom().ticks().every(Duration.ofSeconds(15))
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().concatenating().streams(
                found(id).map(report -> event(sse, "report", report)).toMulti(),
                Multi.createBy().merging().streams(live, heartbeat));
    }

    private static OutboundSseEvent event(Sse sse, String name, Object data) {
        return sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build();
    }

    private Uni<Report> found(String id) {
        return queries.report(id).onItem().ifNull()
                .failWith(() -> new NotFoundException("no experiment '" + id + "' is known"));
    }

    private static Response text(String body, ReportFormat format, String filename) {
        return Response.ok(body.getBytes(StandardCharsets.UTF_8), format.mediaType + "; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"").build();
    }
}
